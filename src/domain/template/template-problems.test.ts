import { describe, expect, it } from 'vitest'
import type { TemplateKey } from './template-key.js'
import { templateProblems } from './template-problems.js'

const key: TemplateKey = { stage: 'update', channel: 'email', audience: 'customer', locale: 'en' }

describe('template problems', () => {
  it('accepts a template that uses the known variables', () => {
    expect(
      templateProblems(key, { body: '{{ message }}\n\n{% if contact %}Write to {{ contact }}{% endif %}' }),
    ).toEqual([])
  })

  it('names the field, line and reason of an unclosed tag', () => {
    expect(templateProblems(key, { body: 'Hello\n\n{% if who_known %}\nAffects {{ who }}' })).toEqual([
      { field: 'body', line: 3, column: 1, reason: 'tag {% if who_known %} not closed' },
    ])
  })

  it('names a misspelt variable and an unknown filter where they are', () => {
    expect(templateProblems(key, { subject: '{{ page_name }}', short: 'a\nb {{ afected }}' })).toEqual([
      { field: 'short', line: 2, column: 6, reason: 'undefined variable: afected' },
    ])
    expect(templateProblems(key, { body: '{{ message | shell }}' })[0]).toMatchObject({
      field: 'body',
      line: 1,
      reason: 'undefined filter: shell',
    })
  })

  it('refuses a template that renders past the engine limits', () => {
    const [problem] = templateProblems(key, { body: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' })
    expect(problem?.field).toBe('body')
    expect(problem?.reason).toMatch(/limit/i)
  })
})

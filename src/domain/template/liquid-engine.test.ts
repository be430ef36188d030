import { describe, expect, it } from 'vitest'
import { checkTemplate, renderLiquid } from './liquid-engine.js'
import { templateVariables } from './message-facts.js'

describe('liquid engine', () => {
  it('accepts a template that uses only known variables', () => {
    expect(checkTemplate('{{ page_name }}: {{ affected | upcase }}', templateVariables)).toEqual([])
  })

  it('reports an unknown variable, so a typo never reaches an inbox as an empty gap', () => {
    const problems = checkTemplate('Hello {{ afected }}', templateVariables)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('afected')
  })

  it('reports a syntax error and an unknown filter', () => {
    expect(checkTemplate('{% if x %}unclosed', templateVariables)).toHaveLength(1)
    expect(checkTemplate('{{ page_name | shell }}', templateVariables)).toHaveLength(1)
  })

  it('reads no files: include and render tags find nothing', () => {
    expect(() => renderLiquid('text', "{% include '/etc/passwd' %}", {})).toThrow()
    expect(() => renderLiquid('text', "{% render '../package.json' %}", {})).toThrow()
  })

  it('runs no code: prototype tricks yield nothing', () => {
    const out = renderLiquid(
      'text',
      '{{ page_name.constructor }}|{{ page_name.constructor.constructor }}|{{ x.__proto__ }}',
      { page_name: 'Acme', x: {} },
    )
    expect(out).toBe('||')
  })

  it('escapes output in the HTML engine and not in the text engine', () => {
    expect(renderLiquid('html', '{{ v }}', { v: '<b>"x"&' })).toBe('&lt;b&gt;&#34;x&#34;&amp;')
    expect(renderLiquid('text', '{{ v }}', { v: '<b>' })).toBe('<b>')
  })

  it('treats an empty variable as false', () => {
    expect(renderLiquid('text', '{% if v %}yes{% else %}no{% endif %}', { v: '' })).toBe('no')
  })
})

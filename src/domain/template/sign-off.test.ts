import { describe, expect, it } from 'vitest'
import { renderMessage } from './render-message.js'
import { sampleMessageFacts } from './sample-facts.js'

const facts = sampleMessageFacts(new Date('2026-01-15T10:00:00Z'))
const render = (over: Partial<Parameters<typeof renderMessage>[0]>) =>
  renderMessage({ stage: 'update', channel: 'email', audience: 'customer', locale: 'en', facts, ...over })

describe("the organisation's sign-off", () => {
  it('closes the email, webhook and chat messages', () => {
    expect(render({ signOff: '— The Acme team' }).text).toMatch(/status\.example\.com\n\n— The Acme team\n\n--\n/)
    expect(render({ signOff: '— The Acme team', channel: 'webhook' }).text.endsWith('— The Acme team')).toBe(true)
  })

  it('stays off the status page entry, the short text and team-only messages', () => {
    expect(render({ signOff: 'Acme', channel: 'status_page' }).text).not.toContain('Acme\n')
    expect(render({ signOff: 'Bye', channel: 'slack' }).short).not.toContain('Bye')
    expect(render({ signOff: 'Bye', audience: 'internal' }).text).not.toContain('Bye')
  })

  it('goes where a template places it, once', () => {
    const text = render({ signOff: 'Bye', overrides: { body: '{{ sign_off }}: {{ message }}' } }).text
    expect(text.match(/Bye/g)).toHaveLength(1)
    expect(text.startsWith('Bye: We found')).toBe(true)
  })
})

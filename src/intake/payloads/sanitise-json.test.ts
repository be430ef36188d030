import { describe, expect, it } from 'vitest'
import { sanitiseJson } from './sanitise-json.js'

describe('sanitising received JSON for the database', () => {
  it('replaces NUL characters and lone surrogates, keeping real emoji', () => {
    expect(sanitiseJson({ 'a\u0000b': ['x\u0000', 'bad \ud800 end', 'ok 🚨'] })).toEqual({ ok: true, value: { 'a\ufffdb': ['x\ufffd', 'bad \ufffd end', 'ok 🚨'] } })
  })

  it('refuses nesting deeper than the limit', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 40; i++) deep = [deep]
    expect(sanitiseJson(deep)).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('32 levels') }] })
    expect(sanitiseJson({ a: { b: [1, 2, { c: null }] } }).ok).toBe(true)
  })

  it('keeps a "__proto__" key as data rather than a prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as unknown
    const result = sanitiseJson(parsed)
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

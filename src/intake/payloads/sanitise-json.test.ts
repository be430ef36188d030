import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanString, sanitiseJson } from './sanitise-json.js'

// The plain definition: every key and string cleaned, in a fresh copy.
function cleanedCopy(v: unknown): unknown {
  if (typeof v === 'string') return cleanString(v)
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(cleanedCopy)
  return Object.fromEntries(Object.entries(v).map(([k, item]) => [cleanString(k), cleanedCopy(item)]))
}

const dirtyString = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '\ud800', '\udc00', '🚨', 'é') })
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    dirtyString,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(dirtyString, fc.constantFrom('x', 'y', 'z')), tie('value'), { maxKeys: 4 }),
})).value

describe('sanitising received JSON for the database', () => {
  it('replaces NUL characters and lone surrogates, keeping real emoji', () => {
    expect(sanitiseJson({ 'a\u0000b': ['x\u0000', 'bad \ud800 end', 'ok 🚨'] })).toEqual({
      ok: true,
      value: { 'a\ufffdb': ['x\ufffd', 'bad \ufffd end', 'ok 🚨'] },
    })
  })

  it('gives what a cleaned copy would hold, and returns clean input itself rather than a copy', () => {
    fc.assert(
      fc.property(json, (value) => {
        const result = sanitiseJson(value)
        expect(result).toEqual({ ok: true, value: cleanedCopy(value) })
        if (JSON.stringify(value) === JSON.stringify(cleanedCopy(value))) expect(result.ok && result.value).toBe(value)
      }),
      { numRuns: 500 },
    )
  })

  it('refuses nesting deeper than the limit', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 40; i++) deep = [deep]
    expect(sanitiseJson(deep)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining('32 levels') }],
    })
    expect(sanitiseJson({ a: { b: [1, 2, { c: null }] } }).ok).toBe(true)
  })

  it('keeps a "__proto__" key as data rather than a prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as unknown
    const result = sanitiseJson(parsed)
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

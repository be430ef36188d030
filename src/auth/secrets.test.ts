import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeEqual } from './secrets.js'

describe('safeEqual', () => {
  it('agrees with === on any two strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => safeEqual(a, b) === (a === b)))
    expect(safeEqual('abc', 'abc')).toBe(true)
    expect(safeEqual('abc', 'abcd')).toBe(false)
  })
})

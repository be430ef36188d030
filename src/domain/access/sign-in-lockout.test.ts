import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  afterFailure,
  afterSuccess,
  defaultLockoutRule,
  lockedUntil,
  lockoutDelayMs,
  noAttempts,
  type SignInAttempts,
} from './sign-in-lockout.js'

const t0 = new Date('2026-03-01T09:00:00Z')
const later = (ms: number) => new Date(t0.getTime() + ms)

function fail(times: number, at = t0): SignInAttempts {
  let attempts = noAttempts
  for (let i = 0; i < times; i++) attempts = afterFailure(attempts, at)
  return attempts
}

describe('sign-in lockout', () => {
  it('allows the first five failures without a wait', () => {
    expect(lockedUntil(fail(5), t0)).toBeNull()
  })

  it('locks for 30 seconds after the sixth failure, then doubles', () => {
    expect(lockedUntil(fail(6), t0)).toEqual(later(30_000))
    expect(lockedUntil(fail(7), t0)).toEqual(later(60_000))
    expect(lockedUntil(fail(8), t0)).toEqual(later(120_000))
  })

  it('unlocks once the wait has passed', () => {
    expect(lockedUntil(fail(6), later(29_999))).toEqual(later(30_000))
    expect(lockedUntil(fail(6), later(30_000))).toBeNull()
  })

  it('never waits longer than an hour, however many failures', () => {
    expect(lockoutDelayMs(10_000)).toBe(60 * 60_000)
    expect(lockedUntil(fail(60), t0)).toEqual(later(60 * 60_000))
  })

  it('forgets failures after a quiet day', () => {
    const old = fail(9)
    const dayLater = later(24 * 60 * 60_000)
    expect(lockedUntil(old, dayLater)).toBeNull()
    expect(afterFailure(old, dayLater)).toEqual({ failures: 1, lastFailureAt: dayLater })
  })

  it('starts over after a successful sign-in', () => {
    expect(afterSuccess()).toEqual({ failures: 0, lastFailureAt: null })
  })

  it('waits no less after more failures (the backoff is monotone and bounded)', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(lockoutDelayMs(lo)).toBeLessThanOrEqual(lockoutDelayMs(hi))
        expect(lockoutDelayMs(hi)).toBeLessThanOrEqual(defaultLockoutRule.maxDelayMs)
      }),
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideRetry, defaultRetryPolicy, nominalDelayMs, nominalRetrySpanMs, retryDelayMs } from './retry-schedule.js'

const hour = 60 * 60_000
const now = new Date('2026-03-01T12:00:00Z')

describe('retry schedule', () => {
  it('doubles from one minute and stops growing at eight hours', () => {
    const delays = Array.from({ length: 11 }, (_, i) => nominalDelayMs(i + 1) / 60_000)
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 480, 480])
  })

  it('spreads the retries over about a day', () => {
    const span = nominalRetrySpanMs()
    expect(span).toBeGreaterThan(23 * hour)
    expect(span).toBeLessThan(26 * hour)
  })

  it('keeps every jittered delay within twenty percent of its nominal value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failed, r) => {
          const delay = retryDelayMs(failed, () => r)
          const nominal = nominalDelayMs(failed)
          expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal * 0.8))
          expect(delay).toBeLessThanOrEqual(Math.ceil(nominal * 1.2))
        },
      ),
    )
  })

  it('keeps the whole jittered span between 19 and 30 hours whatever the random source says', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 11, maxLength: 11 }),
        (rs) => {
          let i = 0
          let total = 0
          for (let failed = 1; failed < defaultRetryPolicy.maxAttempts; failed++)
            total += retryDelayMs(failed, () => rs[i++] ?? 0)
          expect(total).toBeGreaterThan(19 * hour)
          expect(total).toBeLessThan(30 * hour)
        },
      ),
    )
  })

  it('gives different delays for different random draws, so retries do not arrive in one burst', () => {
    expect(retryDelayMs(3, () => 0)).not.toBe(retryDelayMs(3, () => 0.99))
  })

  it('schedules the next attempt from now', () => {
    const decision = decideRetry({ attempts: 1, now }, () => 0.5)
    expect(decision).toEqual({ kind: 'retry', delayMs: 60_000, nextAttemptAt: new Date(now.getTime() + 60_000) })
  })

  it('gives up after the last attempt', () => {
    expect(decideRetry({ attempts: 12, now }, () => 0.5)).toMatchObject({ kind: 'give_up' })
    expect(decideRetry({ attempts: 11, now }, () => 0.5)).toMatchObject({ kind: 'retry' })
  })

  it('gives up at once on a permanent failure', () => {
    expect(decideRetry({ attempts: 1, now, isPermanent: true }, () => 0.5)).toEqual({
      kind: 'give_up',
      reason: 'permanent failure',
    })
  })

  it('honours a longer Retry-After from the receiver but never waits beyond the longest delay', () => {
    expect(decideRetry({ attempts: 1, now, retryAfterMs: 10 * 60_000 }, () => 0.5)).toMatchObject({
      delayMs: 10 * 60_000,
    })
    expect(decideRetry({ attempts: 1, now, retryAfterMs: 10_000 }, () => 0.5)).toMatchObject({ delayMs: 60_000 })
    const huge = decideRetry({ attempts: 1, now, retryAfterMs: 100 * hour }, () => 0.5)
    expect(huge.kind === 'retry' && huge.delayMs).toBeLessThanOrEqual(8 * hour * 1.2)
  })
})

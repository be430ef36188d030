import { describe, expect, it } from 'vitest'
import { healthyStreak, recordFinalOutcome, type FailureStreak } from './persistent-failure.js'

const day = 24 * 60 * 60_000
const t0 = new Date('2026-03-01T00:00:00Z')
const at = (days: number) => new Date(t0.getTime() + days * day)
const failed = { kind: 'failed', isGone: false, reason: 'HTTP 503' } as const

describe('persistent failure rule', () => {
  it('keeps a subscriber after one failed delivery', () => {
    const result = recordFinalOutcome(healthyStreak, failed, t0)
    expect(result).toEqual({ streak: { consecutiveFailures: 1, failingSince: t0 }, disable: null })
  })

  it('disables after three failed deliveries in a row', () => {
    let streak: FailureStreak = healthyStreak
    streak = recordFinalOutcome(streak, failed, at(0)).streak
    streak = recordFinalOutcome(streak, failed, at(0.1)).streak
    const third = recordFinalOutcome(streak, failed, at(0.2))
    expect(third.disable?.reason).toBe('3 deliveries in a row failed (last: HTTP 503)')
  })

  it('forgets the streak when a delivery succeeds', () => {
    const streak = recordFinalOutcome(recordFinalOutcome(healthyStreak, failed, at(0)).streak, failed, at(1)).streak
    const afterSuccess = recordFinalOutcome(streak, { kind: 'sent' }, at(2))
    expect(afterSuccess).toEqual({ streak: healthyStreak, disable: null })
    expect(recordFinalOutcome(afterSuccess.streak, failed, at(3)).disable).toBeNull()
  })

  it('disables a subscriber failing for three days even with only two messages', () => {
    const first = recordFinalOutcome(healthyStreak, failed, at(0)).streak
    expect(recordFinalOutcome(first, failed, at(2.9)).disable).toBeNull()
    expect(recordFinalOutcome(first, failed, at(3)).disable?.reason).toBe(
      'deliveries have failed for 3 days (last: HTTP 503)',
    )
  })

  it('disables at once when the address is gone', () => {
    const result = recordFinalOutcome(healthyStreak, { kind: 'failed', isGone: true, reason: 'HTTP 410' }, t0)
    expect(result.disable?.reason).toBe('the address no longer exists (HTTP 410)')
  })
})

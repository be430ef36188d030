/**
 * When to stop sending to a subscriber: its address is gone, or its deliveries have
 * failed (after all retries) several times in a row, or for days. A single long outage
 * at the receiver must not disable it: each counted failure already spans ~24 h of retries.
 */
export interface FailureStreak {
  consecutiveFailures: number
  failingSince: Date | null
}

export interface DisablePolicy {
  maxConsecutiveFailures: number
  /** A streak of at least two failures this long disables too, however few messages it held. */
  maxFailingDurationMs: number
}

export const defaultDisablePolicy: DisablePolicy = {
  maxConsecutiveFailures: 3,
  maxFailingDurationMs: 3 * 24 * 60 * 60_000,
}

export const healthyStreak: FailureStreak = { consecutiveFailures: 0, failingSince: null }

export type FinalOutcome = { kind: 'sent' } | { kind: 'failed'; isGone: boolean; reason: string }

export interface StreakResult {
  streak: FailureStreak
  disable: { reason: string } | null
}

export function recordFinalOutcome(
  streak: FailureStreak,
  outcome: FinalOutcome,
  now: Date,
  policy: DisablePolicy = defaultDisablePolicy,
): StreakResult {
  if (outcome.kind === 'sent') return { streak: healthyStreak, disable: null }
  const next: FailureStreak = {
    consecutiveFailures: streak.consecutiveFailures + 1,
    failingSince: streak.failingSince ?? now,
  }
  if (outcome.isGone) return { streak: next, disable: { reason: `the address no longer exists (${outcome.reason})` } }
  if (next.consecutiveFailures >= policy.maxConsecutiveFailures) {
    return {
      streak: next,
      disable: { reason: `${next.consecutiveFailures} deliveries in a row failed (last: ${outcome.reason})` },
    }
  }
  const failingForMs = now.getTime() - (next.failingSince ?? now).getTime()
  if (next.consecutiveFailures >= 2 && failingForMs >= policy.maxFailingDurationMs) {
    const days = Math.floor(failingForMs / (24 * 60 * 60_000))
    return { streak: next, disable: { reason: `deliveries have failed for ${days} days (last: ${outcome.reason})` } }
  }
  return { streak: next, disable: null }
}

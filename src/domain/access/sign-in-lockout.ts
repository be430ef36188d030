/**
 * Sign-in backoff: a few free failures, then each further failure doubles the wait up to a
 * cap. A quiet spell forgets old failures, so a user who mistyped last week starts fresh.
 */
export interface LockoutRule {
  freeAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  forgetAfterMs: number
}

export const defaultLockoutRule: LockoutRule = {
  freeAttempts: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
}

export interface SignInAttempts {
  failures: number
  lastFailureAt: Date | null
}

export const noAttempts: SignInAttempts = { failures: 0, lastFailureAt: null }

function effectiveFailures(attempts: SignInAttempts, now: Date, rule: LockoutRule): number {
  if (attempts.lastFailureAt === null) return 0
  return now.getTime() - attempts.lastFailureAt.getTime() >= rule.forgetAfterMs ? 0 : attempts.failures
}

/** How long the account waits after its `failures`-th failure in a row. */
export function lockoutDelayMs(failures: number, rule: LockoutRule = defaultLockoutRule): number {
  const over = failures - rule.freeAttempts - 1
  if (over < 0) return 0
  // Capping the exponent keeps 2 ** n finite for absurd counts.
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(over, 40))
}

export function lockedUntil(attempts: SignInAttempts, now: Date, rule: LockoutRule = defaultLockoutRule): Date | null {
  const failures = effectiveFailures(attempts, now, rule)
  if (failures === 0 || attempts.lastFailureAt === null) return null
  const until = attempts.lastFailureAt.getTime() + lockoutDelayMs(failures, rule)
  return until > now.getTime() ? new Date(until) : null
}

export function afterFailure(
  attempts: SignInAttempts,
  now: Date,
  rule: LockoutRule = defaultLockoutRule,
): SignInAttempts {
  return { failures: effectiveFailures(attempts, now, rule) + 1, lastFailureAt: now }
}

export function afterSuccess(): SignInAttempts {
  return noAttempts
}

/**
 * When to try a failed delivery again: exponential backoff with jitter, spread over
 * about a day (1 min, 2, 4 … 256 min, then 8 h twice ≈ 24.5 h nominal), so a receiver
 * that is down overnight still gets the message, and a fleet of retries never lands
 * on it in one burst.
 */
export interface RetryPolicy {
  /** Attempts in all, the first send included. */
  maxAttempts: number
  initialDelayMs: number
  multiplier: number
  maxDelayMs: number
  /** Each delay is spread uniformly over ±jitterRatio of its nominal value. */
  jitterRatio: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 12,
  initialDelayMs: 60_000,
  multiplier: 2,
  maxDelayMs: 8 * 60 * 60_000,
  jitterRatio: 0.2,
}

/** A page wakes someone: retried within minutes, not over a day as customer updates are. */
export const pageRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  initialDelayMs: 15_000,
  multiplier: 2,
  maxDelayMs: 5 * 60_000,
  jitterRatio: 0.2,
}

/** A source of uniform numbers in [0, 1), passed in so tests and replays are deterministic. */
export type RandomSource = () => number

/** Nominal (jitter-free) delay before the retry that follows `failedAttempts` failures (1-based). */
export function nominalDelayMs(failedAttempts: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const exponent = Math.max(0, failedAttempts - 1)
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** exponent)
}

export function retryDelayMs(
  failedAttempts: number,
  random: RandomSource,
  policy: RetryPolicy = defaultRetryPolicy,
): number {
  const nominal = nominalDelayMs(failedAttempts, policy)
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.round(nominal * (1 - policy.jitterRatio + 2 * policy.jitterRatio * r))
}

/** The whole nominal span from first failure to last attempt. */
export function nominalRetrySpanMs(policy: RetryPolicy = defaultRetryPolicy): number {
  let total = 0
  for (let failed = 1; failed < policy.maxAttempts; failed++) total += nominalDelayMs(failed, policy)
  return total
}

export type RetryDecision =
  | { kind: 'retry'; delayMs: number; nextAttemptAt: Date }
  | { kind: 'give_up'; reason: string }

export interface FailedAttempt {
  /** Attempts made so far, this failed one included. */
  attempts: number
  now: Date
  /** The receiver said retrying this message cannot help (bad payload, unknown mailbox). */
  isPermanent?: boolean
  /** A Retry-After the receiver asked for; honoured when longer than our own delay. */
  retryAfterMs?: number
}

export function decideRetry(
  failure: FailedAttempt,
  random: RandomSource,
  policy: RetryPolicy = defaultRetryPolicy,
): RetryDecision {
  if (failure.isPermanent) return { kind: 'give_up', reason: 'permanent failure' }
  if (failure.attempts >= policy.maxAttempts)
    return { kind: 'give_up', reason: `gave up after ${failure.attempts} attempts` }
  const own = retryDelayMs(failure.attempts, random, policy)
  const delayMs = Math.min(Math.max(own, failure.retryAfterMs ?? 0), policy.maxDelayMs * (1 + policy.jitterRatio))
  return { kind: 'retry', delayMs, nextAttemptAt: new Date(failure.now.getTime() + delayMs) }
}

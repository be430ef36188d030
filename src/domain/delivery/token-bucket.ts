/**
 * A per-channel rate limit as a token bucket: `ratePerSecond` sustained, `burst` at once.
 * Pure: the caller keeps the state and passes the time, so the worker and the tests
 * share one implementation and a test can fast-forward.
 */
export interface TokenBucketConfig {
  ratePerSecond: number
  burst: number
}

export interface TokenBucketState {
  tokens: number
  updatedAtMs: number
}

export function fullBucket(config: TokenBucketConfig, nowMs: number): TokenBucketState {
  return { tokens: config.burst, updatedAtMs: nowMs }
}

export function refill(state: TokenBucketState, config: TokenBucketConfig, nowMs: number): TokenBucketState {
  const elapsedMs = Math.max(0, nowMs - state.updatedAtMs)
  const tokens = Math.min(config.burst, state.tokens + (elapsedMs * config.ratePerSecond) / 1000)
  return { tokens, updatedAtMs: Math.max(nowMs, state.updatedAtMs) }
}

export interface TakeResult {
  state: TokenBucketState
  granted: number
  /** How long until the next token is there; 0 when everything wanted was granted. */
  waitMs: number
}

export function takeTokens(state: TokenBucketState, config: TokenBucketConfig, nowMs: number, wanted = 1): TakeResult {
  const current = refill(state, config, nowMs)
  const granted = Math.max(0, Math.min(Math.floor(wanted), Math.floor(current.tokens)))
  const left = current.tokens - granted
  const next = { tokens: left, updatedAtMs: current.updatedAtMs }
  if (granted >= wanted) return { state: next, granted, waitMs: 0 }
  const waitMs =
    config.ratePerSecond > 0 ? Math.ceil(((1 - left) * 1000) / config.ratePerSecond) : Number.POSITIVE_INFINITY
  return { state: next, granted, waitMs }
}

export function validateTokenBucket(config: TokenBucketConfig): string[] {
  const problems: string[] = []
  if (!(config.ratePerSecond > 0) || !Number.isFinite(config.ratePerSecond))
    problems.push('ratePerSecond must be a positive number')
  if (!Number.isInteger(config.burst) || config.burst < 1) problems.push('burst must be a whole number of at least 1')
  return problems
}

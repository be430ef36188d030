import {
  fullBucket,
  takeTokens,
  type TokenBucketConfig,
  type TokenBucketState,
} from '../../domain/delivery/token-bucket.js'

/** The token bucket with a clock and a sleep: `await gate.pass()` returns when a message may go. */
export interface RateGate {
  pass(): Promise<void>
}

export function createRateGate(
  config: TokenBucketConfig | null,
  nowMs: () => number = () => performance.now(),
): RateGate {
  if (!config) return { pass: async () => {} }
  let state: TokenBucketState = fullBucket(config, nowMs())
  let queue: Promise<void> = Promise.resolve()
  async function takeOne() {
    for (;;) {
      const result = takeTokens(state, config as TokenBucketConfig, nowMs())
      state = result.state
      if (result.granted === 1) return
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, result.waitMs)))
    }
  }
  return {
    // Callers queue up so tokens go out in order and none is taken twice.
    pass() {
      const next = queue.then(takeOne)
      queue = next.catch(() => {})
      return next
    },
  }
}

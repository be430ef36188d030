import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fullBucket, takeTokens, validateTokenBucket, type TokenBucketState } from './token-bucket.js'

const config = { ratePerSecond: 10, burst: 5 }

describe('token bucket', () => {
  it('grants a full burst at once and then makes the caller wait', () => {
    const first = takeTokens(fullBucket(config, 0), config, 0, 8)
    expect(first.granted).toBe(5)
    expect(first.waitMs).toBe(100)
  })

  it('refills at the configured rate without exceeding the burst', () => {
    const empty = takeTokens(fullBucket(config, 0), config, 0, 5).state
    expect(takeTokens(empty, config, 300, 10).granted).toBe(3)
    expect(takeTokens(empty, config, 60_000, 10).granted).toBe(5)
  })

  it('never lets more through than burst plus rate times elapsed time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ stepMs: fc.integer({ min: 0, max: 500 }), wanted: fc.integer({ min: 1, max: 20 }) }), {
          maxLength: 200,
        }),
        (steps) => {
          let state: TokenBucketState = fullBucket(config, 0)
          let now = 0
          let sent = 0
          for (const step of steps) {
            now += step.stepMs
            const result = takeTokens(state, config, now, step.wanted)
            state = result.state
            sent += result.granted
            expect(result.granted).toBeLessThanOrEqual(step.wanted)
          }
          expect(sent).toBeLessThanOrEqual(config.burst + Math.floor((now * config.ratePerSecond) / 1000))
        },
      ),
    )
  })

  it('grants a token after waiting as long as it said', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 1000 }), (burst, rate) => {
        const c = { ratePerSecond: rate, burst }
        const drained = takeTokens(fullBucket(c, 0), c, 0, burst + 1)
        expect(drained.waitMs).toBeGreaterThan(0)
        expect(takeTokens(drained.state, c, drained.waitMs, 1).granted).toBe(1)
      }),
    )
  })

  it('does not run backwards when the clock does', () => {
    const state = takeTokens(fullBucket(config, 1000), config, 1000, 5).state
    expect(takeTokens(state, config, 500, 1).granted).toBe(0)
  })

  it('reports a nonsensical configuration', () => {
    expect(validateTokenBucket({ ratePerSecond: 0, burst: 0.5 })).toHaveLength(2)
    expect(validateTokenBucket(config)).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { sharedDeadlines } from './shared-deadlines.js'

const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve())))

describe('shared send deadlines', () => {
  it('hands every send of a time slice the same signal, and a new one after it', () => {
    let now = 0
    const deadline = sharedDeadlines(10_000, () => now)
    const first = deadline()
    now = 999
    expect(deadline()).toBe(first)
    now = 1_000
    expect(deadline()).not.toBe(first)
  })

  it('combines with the stop signal once per slice, and aborts when the worker stops', async () => {
    let now = 0
    const deadline = sharedDeadlines(10_000, () => now)
    const stopping = new AbortController()
    const combined = deadline(stopping.signal)
    expect(deadline(stopping.signal)).toBe(combined)
    // One dependant per slice, not one per send: what used to grow with every message sent.
    now = 5_000
    expect(deadline(stopping.signal)).not.toBe(combined)
    stopping.abort()
    await aborted(combined)
    expect(combined.aborted).toBe(true)
  })

  it('aborts once the timeout has passed', async () => {
    const deadline = sharedDeadlines(60)
    const started = performance.now()
    const signal = deadline()
    await aborted(signal)
    const waited = performance.now() - started
    // Timers may fire a millisecond early; what matters is that it is not at once.
    expect(waited).toBeGreaterThanOrEqual(50)
  })
})

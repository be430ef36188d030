import { getEventListeners } from 'node:events'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
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

describe('shared send deadlines when nothing else holds them', () => {
  // Node 20 collects an AbortSignal.any whose only references are its listeners; it then never fires.
  const collect = () => {
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  }

  it('combined with the stop signal, fire after a garbage collection', async () => {
    const gc = collect()
    const stopping = new AbortController()
    let now = 0
    const deadline = sharedDeadlines(50, () => now)
    let fired = 0
    // Each listener stands for a send whose connection died without a callback: nothing else references it.
    const listen = (signal: AbortSignal) => signal.addEventListener('abort', () => fired++, { once: true })
    for (let slice = 0; slice < 10; slice++) {
      now = slice * 1_000
      listen(deadline(stopping.signal))
    }
    // Later slices have replaced the earlier ones: only the listeners above still point at them.
    gc()
    await new Promise((resolve) => setTimeout(resolve, 20))
    gc()
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(fired).toBe(10)
  })

  it('leaves no listener on the stop signal once its slice has passed', async () => {
    const stopping = new AbortController()
    const deadline = sharedDeadlines(30)
    const signal = deadline(stopping.signal)
    await aborted(signal)
    expect(getEventListeners(stopping.signal, 'abort')).toHaveLength(0)
  })
})

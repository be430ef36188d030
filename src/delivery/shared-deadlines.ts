import { setMaxListeners } from 'node:events'

/**
 * One abort signal for everything started within a tenth of the timeout, instead of a timer
 * (and an `AbortSignal.any`) each: a fan-out starts thousands of sends a second, and on Node 20
 * a signal per send kept 30 s of timers alive and left a dependant on the long-lived "stopping"
 * signal each time — twice the CPU and memory of the send itself (bench: fanout). Something
 * started gets between timeoutMs and 1.1 × timeoutMs (at most +1 s).
 *
 * Called with another signal (the worker's "stopping"), it returns one signal aborted by either,
 * made once per slice.
 */
export function sharedDeadlines(timeoutMs: number, clock: () => number = Date.now) {
  const slice = Math.max(10, Math.min(1_000, Math.floor(timeoutMs / 10)))
  let current: { until: number; signal: AbortSignal; combined: Map<AbortSignal, AbortSignal> } | null = null
  return (also?: AbortSignal): AbortSignal => {
    const now = clock()
    if (!current || now >= current.until) {
      const signal = AbortSignal.timeout(timeoutMs + slice)
      // Every send of the slice listens on it at once; that is by design, not a leak.
      setMaxListeners(0, signal)
      current = { until: now + slice, signal, combined: new Map() }
    }
    if (!also) return current.signal
    let combined = current.combined.get(also)
    if (!combined) {
      combined = AbortSignal.any([current.signal, also])
      setMaxListeners(0, combined)
      current.combined.set(also, combined)
    }
    return combined
  }
}

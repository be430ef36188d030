import { setMaxListeners } from 'node:events'

interface Slice {
  until: number
  controller: AbortController
  /** Per outside signal (the worker's "stopping"): the signal aborted by either, and its listener there. */
  combined: Map<AbortSignal, { controller: AbortController; onAbort: () => void }>
}

/**
 * One abort signal for everything started within a tenth of the timeout, instead of a timer
 * (and an `AbortSignal.any`) each: a fan-out starts thousands of sends a second, and on Node 20
 * a signal per send kept 30 s of timers alive and left a dependant on the long-lived "stopping"
 * signal each time — twice the CPU and memory of the send itself (bench: fanout). Something
 * started gets between timeoutMs and 1.1 × timeoutMs (at most +1 s).
 *
 * Called with another signal (the worker's "stopping"), it returns one signal aborted by either,
 * made once per slice.
 *
 * Built from controllers and a timer rather than `AbortSignal.timeout`/`AbortSignal.any`: Node 20
 * garbage-collects an `AbortSignal.any` whose only references are its own listeners, and it then
 * never fires. A send whose connection died without a callback is exactly that (nothing else
 * holds it), so its lane waited for ever and its batch kept renewing its lease (test:
 * every-kind-outage on PostgreSQL). Here the slice's timer holds its controllers until it fires.
 */
export function sharedDeadlines(timeoutMs: number, clock: () => number = Date.now) {
  const sliceMs = Math.max(10, Math.min(1_000, Math.floor(timeoutMs / 10)))
  let current: Slice | null = null
  const startSlice = (now: number): Slice => {
    const slice: Slice = { until: now + sliceMs, controller: new AbortController(), combined: new Map() }
    // Every send of the slice listens on it at once; that is by design, not a leak.
    setMaxListeners(0, slice.controller.signal)
    const timer = setTimeout(() => {
      const reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
      slice.controller.abort(reason)
      for (const [outside, { controller, onAbort }] of slice.combined) {
        outside.removeEventListener('abort', onAbort)
        controller.abort(reason)
      }
      slice.combined.clear()
    }, timeoutMs + sliceMs)
    // A pending deadline is no reason to keep the process alive; the timer still holds the slice until then.
    timer.unref()
    return slice
  }
  return (also?: AbortSignal): AbortSignal => {
    const now = clock()
    if (!current || now >= current.until) current = startSlice(now)
    if (!also) return current.controller.signal
    const known = current.combined.get(also)
    if (known) return known.controller.signal
    if (current.controller.signal.aborted || also.aborted) {
      return also.aborted ? AbortSignal.abort(also.reason) : current.controller.signal
    }
    const controller = new AbortController()
    setMaxListeners(0, controller.signal)
    // The outside signal holds this listener (and so the controller) until the slice's timer removes it.
    const onAbort = () => controller.abort(also.reason)
    also.addEventListener('abort', onAbort, { once: true })
    current.combined.set(also, { controller, onAbort })
    return controller.signal
  }
}

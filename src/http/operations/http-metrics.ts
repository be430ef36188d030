import { Counter, Histogram, type Registry } from 'prom-client'

/** Requests by route template (never the raw path: ids would make a series per incident), method and status class. */
export interface HttpMetrics {
  observe(route: string, method: string, statusCode: number, seconds: number | undefined): void
}

/** Status-page documents answered from the snapshot before the framework (status-page/fast-path.ts). */
export const snapshotRoute = 'status page snapshot'
/** A status page's live stream opened on the fast path; its duration is how long the reader stayed. */
export const liveStreamRoute = 'status page live stream'

export function createHttpMetrics(registry: Registry): HttpMetrics {
  const labelNames = ['route', 'method', 'status_class'] as const
  const requests = new Counter({
    name: 'candor_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status class',
    labelNames,
    registers: [registry],
  })
  const durations = new Histogram({
    name: 'candor_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template, method and status class',
    labelNames,
    // From the snapshot fast path (well under a millisecond) to a slow export or a stalled database.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  // One lookup per request instead of prom-client hashing the label values every time.
  const children = new Map<
    string,
    { count: ReturnType<typeof requests.labels>; time: ReturnType<typeof durations.labels> }
  >()
  return {
    observe(route, method, statusCode, seconds) {
      const statusClass = `${Math.floor(statusCode / 100)}xx`
      const key = `${route}\u0000${method}\u0000${statusClass}`
      let child = children.get(key)
      if (!child) {
        const labels = { route, method, status_class: statusClass }
        child = { count: requests.labels(labels), time: durations.labels(labels) }
        children.set(key, child)
      }
      child.count.inc()
      if (seconds !== undefined) child.time.observe(seconds)
    },
  }
}

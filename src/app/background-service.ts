/** A long-running part (outbox worker, timers, a listener) that starts after the database and stops before it. */
export interface BackgroundService {
  name: string
  start(): Promise<void>
  /** Returns within a bounded time even when the work it runs is stuck (a relay that never answers). */
  stop(): Promise<void>
}

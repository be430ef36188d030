import type { Registry } from 'prom-client'
import type { HttpMetrics } from './http-metrics.js'

/** Set by the composition root as the process goes through its life; /readyz reports it. */
export interface Readiness {
  /** Every background service (snapshots, outbound pipeline, timers) has started. */
  servicesStarted: boolean
  /** Shutting down: load balancers should stop sending traffic here. */
  stopping: boolean
}

/** What the operations endpoints (/metrics, /readyz, /livez) need; built in wiring/operations.ts. */
export interface OperationsRuntime {
  registry: Registry
  http: HttpMetrics
  readiness: Readiness
  /**
   * METRICS_TOKEN: /metrics answers to `Authorization: Bearer <token>`. Without one it answers
   * only clients on this machine that did not come through a proxy.
   */
  metricsToken: string | undefined
  /** Migrations this version has that the database lacks. */
  pendingMigrations(): Promise<string[]>
}

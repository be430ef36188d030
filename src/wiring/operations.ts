import { collectDefaultMetrics, Gauge, Registry } from 'prom-client'
import { createHttpMetrics } from '../http/operations/http-metrics.js'
import type { OperationsRuntime } from '../http/operations/operations.js'
import type { Logger } from '../logger.js'
import type { DatabaseHandle } from '../store/database.js'
import { pendingMigrations } from '../store/migrate.js'
import { operationsStore, type OutboxDepthRow, type TimerName } from '../store/operations-store.js'

const seconds = (now: Date, since: Date | null) => (since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0)

/**
 * The metrics registry of one running Candor (not prom-client's global one, so tests and several
 * apps in one process keep theirs apart): HTTP requests, and at each scrape the outbox and the
 * timers as the database has them. `collectProcessMetrics` adds memory, CPU and event-loop lag; the
 * server calls it once (it starts an event-loop monitor that CLI commands have no use for).
 */
export function createOperations(
  database: DatabaseHandle,
  options: { clock: () => Date; logger: Logger; metricsToken: string | undefined },
): OperationsRuntime & { collectProcessMetrics(): void } {
  const registry = new Registry()
  const store = operationsStore(database.db)
  // One round of queries per scrape, however many gauges ask for it.
  let loading: Promise<void> | undefined
  const collect = () => (loading ??= load().finally(() => (loading = undefined)))
  const databaseUp = new Gauge({
    name: 'candor_database_up',
    help: '1 when the database answered this scrape, 0 when it did not (the figures below are then missing)',
    registers: [registry],
    collect,
  })
  const outbox = new Gauge({
    name: 'candor_outbox_messages',
    help: 'Messages still to leave (emails, webhooks, pages, notices) by kind and state: queued, sending, retrying',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    collect,
  })
  const deliveryLag = new Gauge({
    name: 'candor_outbox_oldest_due_seconds',
    help: 'Delivery lag: how long the oldest message that is due has been waiting (0 when none waits)',
    registers: [registry],
    collect,
  })
  const timerLag = new Gauge({
    name: 'candor_timer_lag_seconds',
    help: 'How overdue the oldest due timer is, by kind: process (cadence, triage), on-call escalation, alert rule',
    labelNames: ['timer'] as const,
    registers: [registry],
    collect,
  })
  if (database.pglite) {
    const pglite = database.pglite
    new Gauge({
      name: 'candor_embedded_database_heap_bytes',
      help: "The embedded database's WebAssembly heap (it only grows)",
      registers: [registry],
      collect() {
        this.set(pglite.Module.HEAPU8.byteLength)
      },
    })
  }

  const knownKinds = new Set<string>()
  const timers: TimerName[] = ['process', 'oncall_escalation', 'alert_rule']
  async function load() {
    const now = options.clock()
    try {
      const [depth, oldestDue, overdue] = await Promise.all([
        store.outboxDepth(),
        store.oldestDueMessage(now),
        store.oldestOverdueTimers(now),
      ])
      databaseUp.set(1)
      setDepth(depth)
      deliveryLag.set(seconds(now, oldestDue))
      for (const timer of timers) timerLag.set({ timer }, seconds(now, overdue[timer]))
    } catch (err) {
      options.logger.warn({ err }, 'metrics: the database did not answer')
      databaseUp.set(0)
      outbox.reset()
      deliveryLag.reset()
      timerLag.reset()
    }
  }
  /** A kind/state that emptied shows 0 rather than vanishing, so a graph falls to zero instead of stopping. */
  function setDepth(rows: OutboxDepthRow[]) {
    outbox.reset()
    for (const row of rows) knownKinds.add(row.kind)
    for (const kind of knownKinds)
      for (const status of ['queued', 'sending', 'retrying'] as const) outbox.set({ kind, status }, 0)
    for (const row of rows) outbox.set({ kind: row.kind, status: row.status }, row.count)
  }
  let processMetrics = false
  return {
    registry,
    http: createHttpMetrics(registry),
    readiness: { servicesStarted: false, stopping: false },
    metricsToken: options.metricsToken,
    pendingMigrations: () => pendingMigrations(database),
    collectProcessMetrics() {
      if (processMetrics) return
      processMetrics = true
      collectDefaultMetrics({ register: registry })
    },
  }
}

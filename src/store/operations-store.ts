import { sql } from 'kysely'
import type { Executor } from './schema/index.js'

export interface OutboxDepthRow {
  kind: string
  /** queued (due or not yet), sending (leased by a worker) or retrying: what is still to leave. */
  status: 'queued' | 'sending' | 'retrying'
  count: number
}

export type TimerName = 'process' | 'oncall_escalation' | 'alert_rule'

/**
 * What /metrics reads at each scrape, across organisations. Every query keeps to the partial
 * indexes the workers use (never a scan of the sent history), so a scrape costs milliseconds even
 * after millions of messages.
 */
export function operationsStore(db: Executor) {
  return {
    /**
     * Messages still to leave by kind and state. A fan-out's deliveries stay 'pending' in their rows
     * while their batch's watermark passes them, so those count only above the watermark.
     */
    async outboxDepth(): Promise<OutboxDepthRow[]> {
      const result = await sql<OutboxDepthRow>`
        SELECT kind, CASE status WHEN 'pending' THEN 'queued' ELSE status END AS status, count(*)::int AS count
        FROM deliveries
        WHERE status = 'retrying' OR (status = 'pending' AND batch_no IS NULL) OR status = 'sending'
        GROUP BY 1, 2
        UNION ALL
        SELECT d.kind, CASE b.state WHEN 'sending' THEN 'sending' ELSE 'queued' END, count(*)::int
        FROM delivery_batches b
        JOIN deliveries d ON d.batch_no = b.batch_no AND d.channel = b.channel AND d.update_id = b.update_id
          AND d.id > b.acked_upto AND d.status = 'pending'
        WHERE b.state <> 'done'
        GROUP BY 1, 2`.execute(db)
      const merged = new Map<string, OutboxDepthRow>()
      for (const row of result.rows) {
        const key = `${row.kind}/${row.status}`
        const seen = merged.get(key)
        if (seen) seen.count += Number(row.count)
        else merged.set(key, { ...row, count: Number(row.count) })
      }
      return [...merged.values()]
    },
    /** When the oldest message that is due (and not being sent) became due; null when none waits. */
    async oldestDueMessage(now: Date): Promise<Date | null> {
      const result = await sql<{ at: Date | null }>`
        SELECT min(at) AS at FROM (
          SELECT min(next_attempt_at) AS at FROM deliveries
          WHERE (status = 'retrying' OR (status = 'pending' AND batch_no IS NULL)) AND next_attempt_at <= ${now}
          UNION ALL
          SELECT min(next_attempt_at) FROM delivery_batches WHERE state <> 'done' AND next_attempt_at <= ${now}
        ) due`.execute(db)
      return asDate(result.rows[0]?.at)
    },
    /** When each kind of timer's oldest overdue one fell due: the timer jobs normally keep these seconds old. */
    async oldestOverdueTimers(now: Date): Promise<Record<TimerName, Date | null>> {
      const result = await sql<{ timer: TimerName; at: Date | null }>`
        SELECT 'process' AS timer, min(next_timer_at) AS at FROM incident_processes WHERE next_timer_at <= ${now}
        UNION ALL
        SELECT 'oncall_escalation', min(due_at) FROM oncall_pages WHERE status = 'triggered' AND due_at <= ${now}
        UNION ALL
        SELECT 'alert_rule', min(due_at) FROM routing_timers WHERE due_at <= ${now}`.execute(db)
      const timers: Record<TimerName, Date | null> = { process: null, oncall_escalation: null, alert_rule: null }
      for (const row of result.rows) timers[row.timer] = asDate(row.at)
      return timers
    },
  }
}
export type OperationsStore = ReturnType<typeof operationsStore>

const asDate = (value: Date | string | null | undefined) => (value == null ? null : new Date(value))

import { sql } from 'kysely'
import { processConfigStore } from './process-config-store.js'
import { processFreezeStore } from './process-freeze-store.js'
import { processStateStore } from './process-state-store.js'
import type { Executor } from './schema/index.js'
import { timelineStore } from './timeline-store.js'

/** Everything the incident process stores for one organisation. */
export function processStore(db: Executor, orgId: string) {
  return {
    state: processStateStore(db, orgId),
    timeline: timelineStore(db, orgId),
    freeze: processFreezeStore(db, orgId),
    config: processConfigStore(db, orgId),
  }
}
export type ProcessStore = ReturnType<typeof processStore>

/**
 * Unscoped on purpose: the timer job serves every organisation. Claims one due process row,
 * skipping rows another node holds; call inside the transaction that then works on it.
 */
export async function claimDueProcessTimer(
  db: Executor,
  now: Date,
): Promise<{ orgId: string; incidentId: string } | undefined> {
  const row = await sql<{ org_id: string; incident_id: string }>`
    SELECT org_id, incident_id FROM incident_processes
    WHERE next_timer_at IS NOT NULL AND next_timer_at <= ${now}::timestamptz
    ORDER BY next_timer_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED`.execute(db)
  const first = row.rows[0]
  return first ? { orgId: first.org_id, incidentId: first.incident_id } : undefined
}

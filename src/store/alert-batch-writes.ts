import { sql } from 'kysely'
import type { AlertStateRow, AlertWrite } from './alerts-store.js'
import type { Executor } from './schema/index.js'

export const alertStateColumns = [
  'id', 'org_id', 'integration_id', 'dedup_key', 'status', 'severity', 'summary', 'source', 'labels', 'details', 'event_count', 'fire_count',
  'first_seen_at', 'last_seen_at', 'last_fired_at', 'acknowledged_at', 'resolved_at', 'state_change_times', 'is_flapping', 'disposition',
  'incident_id', 'created_at', 'updated_at',
] as const

export interface AlertKey {
  integrationId: string
  dedupKey: string
}

// A whole batch of alerts is written with one statement per kind of write: the rows travel as
// one JSON parameter unpacked by jsonb_to_recordset, which PostgreSQL and PGlite both have.
const writtenColumns = `status text, severity text, summary text, source text, labels jsonb, details jsonb, last_payload jsonb,
  event_count int, fire_count int, first_seen_at timestamptz, last_seen_at timestamptz, last_fired_at timestamptz,
  acknowledged_at timestamptz, resolved_at timestamptz, state_change_times jsonb, is_flapping boolean`
const assigned = ['status', 'severity', 'summary', 'source', 'labels', 'details', 'last_payload', 'event_count', 'fire_count', 'first_seen_at', 'last_seen_at', 'last_fired_at', 'acknowledged_at', 'resolved_at', 'state_change_times', 'is_flapping']

function record(w: AlertWrite) {
  return {
    status: w.status,
    severity: w.severity,
    summary: w.summary,
    source: w.source,
    labels: w.labels,
    details: w.details,
    last_payload: w.lastPayload,
    event_count: w.eventCount,
    fire_count: w.fireCount,
    first_seen_at: w.firstSeenAt,
    last_seen_at: w.lastSeenAt,
    last_fired_at: w.lastFiredAt,
    acknowledged_at: w.acknowledgedAt,
    resolved_at: w.resolvedAt,
    state_change_times: w.stateChangeTimes,
    is_flapping: w.isFlapping,
  }
}

export function alertBatchWrites(db: Executor, orgId: string) {
  return {
    /** Locks the alerts of a batch in one fixed order, so two batches cannot deadlock on them. */
    async lockMany(keys: readonly AlertKey[]): Promise<AlertStateRow[]> {
      if (keys.length === 0) return []
      return db
        .selectFrom('alerts')
        .select(alertStateColumns)
        .where('org_id', '=', orgId)
        .where((eb) => eb(eb.refTuple('integration_id', 'dedup_key'), 'in', keys.map((k) => eb.tuple(k.integrationId, k.dedupKey))))
        .orderBy('integration_id')
        .orderBy('dedup_key')
        .forUpdate()
        .execute()
    },
    /** How many were inserted: fewer than given means a concurrent request created some first. */
    async insertMany(rows: readonly (AlertWrite & AlertKey & { id: string })[]): Promise<number> {
      if (rows.length === 0) return 0
      const data = JSON.stringify(rows.map((r) => ({ id: r.id, integration_id: r.integrationId, dedup_key: r.dedupKey, ...record(r) })))
      const result = await sql<{ id: string }>`
        INSERT INTO alerts (id, org_id, integration_id, dedup_key, ${sql.raw(assigned.join(', '))})
        SELECT x.id, ${orgId}::uuid, x.integration_id, x.dedup_key, ${sql.raw(assigned.map((c) => `x.${c}`).join(', '))}
        FROM jsonb_to_recordset(${data}::jsonb) AS x(id uuid, integration_id uuid, dedup_key text, ${sql.raw(writtenColumns)})
        ON CONFLICT (integration_id, dedup_key) DO NOTHING
        RETURNING id`.execute(db)
      return result.rows.length
    },
    async updateMany(rows: readonly (AlertWrite & { id: string })[], now: Date): Promise<void> {
      if (rows.length === 0) return
      const data = JSON.stringify(rows.map((r) => ({ id: r.id, ...record(r) })))
      await sql`
        UPDATE alerts AS a SET ${sql.raw(assigned.map((c) => `${c} = x.${c}`).join(', '))}, updated_at = ${now}
        FROM jsonb_to_recordset(${data}::jsonb) AS x(id uuid, ${sql.raw(writtenColumns)})
        WHERE a.id = x.id AND a.org_id = ${orgId}::uuid`.execute(db)
    },
    /** How many keys were new; fewer than given means a replay (or the same key twice in the batch). */
    async claimIdempotencyKeys(claims: readonly { integrationId: string; key: string }[], now: Date): Promise<number> {
      if (claims.length === 0) return 0
      const inserted = await db
        .insertInto('intake_requests')
        .values(claims.map((c) => ({ integration_id: c.integrationId, idempotency_key: c.key, org_id: orgId, received_at: now })))
        .onConflict((oc) => oc.columns(['integration_id', 'idempotency_key']).doNothing())
        .returning('integration_id')
        .execute()
      return inserted.length
    },
  }
}

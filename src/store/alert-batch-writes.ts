import { sql } from 'kysely'
import type { AlertEventWrite, AlertStateRow, AlertWrite } from './alerts-store.js'
import { preparedMarker } from './prepared-statements.js'
import type { Executor } from './schema/index.js'

export const alertStateColumns = [
  'id',
  'org_id',
  'integration_id',
  'dedup_key',
  'status',
  'severity',
  'summary',
  'source',
  'labels',
  'details',
  'event_count',
  'fire_count',
  'first_seen_at',
  'last_seen_at',
  'last_fired_at',
  'acknowledged_at',
  'resolved_at',
  'state_change_times',
  'is_flapping',
  'disposition',
  'incident_id',
  'created_at',
  'updated_at',
] as const

export interface AlertKey {
  integrationId: string
  dedupKey: string
}

// A whole batch of alerts is written with one statement per kind of write: the rows travel as
// one JSON parameter unpacked by jsonb_to_recordset, which PostgreSQL and PGlite both have.
const writtenColumns =
  `status text, severity text, summary text, ` +
  `source text, labels jsonb, details jsonb, last_payload jsonb,
  event_count int, fire_count int, first_seen_at timestamptz, last_seen_at timestamptz, last_fired_at timestamptz,
  acknowledged_at timestamptz, resolved_at timestamptz, state_change_times jsonb, is_flapping boolean`
const assigned = [
  'status',
  'severity',
  'summary',
  'source',
  'labels',
  'details',
  'last_payload',
  'event_count',
  'fire_count',
  'first_seen_at',
  'last_seen_at',
  'last_fired_at',
  'acknowledged_at',
  'resolved_at',
  'state_change_times',
  'is_flapping',
]
// The column lists both upserts spell out, built once rather than per batch.
const assignedColumns = sql.raw(assigned.join(', '))
const assignedFromInput = sql.raw(assigned.map((c) => `x.${c}`).join(', '))
const assignedFromExcluded = sql.raw(assigned.map((c) => `${c} = excluded.${c}`).join(', '))
const recordsetColumns = sql.raw(writtenColumns)
const stateColumns = sql.raw(alertStateColumns.join(', '))
const prepared = sql.raw(preparedMarker)

// Timestamps go in as ISO strings: a Date in the object (its toJSON) sends JSON.stringify down
// its slow path, which more than doubled the time to serialise a batch (bench: intake).
const iso = (d: Date) => d.toISOString()
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString())

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
    first_seen_at: iso(w.firstSeenAt),
    last_seen_at: iso(w.lastSeenAt),
    last_fired_at: iso(w.lastFiredAt),
    acknowledged_at: isoOrNull(w.acknowledgedAt),
    resolved_at: isoOrNull(w.resolvedAt),
    state_change_times: w.stateChangeTimes,
    is_flapping: w.isFlapping,
  }
}

const byKey = (a: AlertKey, b: AlertKey) =>
  a.integrationId < b.integrationId
    ? -1
    : a.integrationId > b.integrationId
      ? 1
      : a.dedupKey < b.dedupKey
        ? -1
        : a.dedupKey > b.dedupKey
          ? 1
          : 0

function eventRecord(e: AlertEventWrite) {
  return {
    integration_id: e.integrationId,
    alert_id: e.alertId,
    dedup_key: e.dedupKey,
    action: e.action,
    change: e.change,
    occurred_at: iso(e.occurredAt),
    received_at: iso(e.receivedAt),
    payload: e.payload,
  }
}

/** The events of a batch, leaving out those of alerts the statement's `updated` CTE did not write. */
function appendEvents(orgId: string, eventData: string) {
  return sql`INSERT INTO alert_events (org_id, integration_id, alert_id,
  dedup_key, action, change, occurred_at, received_at, payload)
    SELECT ${orgId}::uuid, e.integration_id, e.alert_id, e.dedup_key,
    e.action, e.change, e.occurred_at, e.received_at, e.payload
    FROM jsonb_to_recordset(${eventData}::jsonb)
      AS e(integration_id uuid, alert_id uuid, dedup_key text, action text, change
      text, occurred_at timestamptz, received_at timestamptz, payload jsonb)
    WHERE e.alert_id IS NULL OR e.alert_id IN (SELECT id FROM updated)`
}

// Every statement here reaches every alert through an index (the unique key, or the primary key), one
// at a time, whatever the table's statistics say. Left to itself the planner, fresh after a burst
// of new alerts, scanned the organisation's whole index and filtered the keys (8 ms for 30 keys).
export function alertBatchWrites(db: Executor, orgId: string) {
  async function alertsByKey(
    keys: readonly AlertKey[],
    options: { lock: boolean },
  ): Promise<(AlertStateRow & { version: string })[]> {
    if (keys.length === 0) return []
    const sorted = JSON.stringify(
      [...keys].sort(byKey).map((k) => ({ integration_id: k.integrationId, dedup_key: k.dedupKey })),
    )
    // LIMIT 1 keeps each lookup its own index probe; the outer LIMIT tells the planner the key count.
    const result = await sql<AlertStateRow & { version: string }>`${prepared}
      SELECT a.* FROM (SELECT * FROM jsonb_to_recordset(${sorted}::jsonb) AS
      k(integration_id uuid, dedup_key text) LIMIT ${sql.lit(keys.length)}) AS k
      CROSS JOIN LATERAL (
        SELECT ${stateColumns}, version::text AS version FROM alerts
        WHERE integration_id = k.integration_id AND dedup_key = k.dedup_key AND org_id = ${orgId}::uuid
        LIMIT 1 ${sql.raw(options.lock ? 'FOR UPDATE' : '')}
      ) AS a`.execute(db)
    return result.rows
  }

  return {
    /** Locks the alerts of a batch in one fixed order (the keys sorted), so two batches cannot deadlock on them. */
    lockMany: (keys: readonly AlertKey[]): Promise<AlertStateRow[]> => alertsByKey(keys, { lock: true }),
    /**
     * Inserts new alerts, updates locked ones and appends the batch's events, in one statement.
     * Returns how many alerts were written: fewer than given means another transaction created
     * one of the new keys first (its id differs), and the caller must roll back.
     */
    async writeMany(
      rows: readonly (AlertWrite & AlertKey & { id: string })[],
      events: readonly AlertEventWrite[],
      now: Date,
    ): Promise<number> {
      if (rows.length === 0 && events.length === 0) return 0
      const data = JSON.stringify(
        rows.map((r) => ({ id: r.id, integration_id: r.integrationId, dedup_key: r.dedupKey, ...record(r) })),
      )
      const eventData = JSON.stringify(events.map(eventRecord))
      const result = await sql<{ written: number }>`${prepared}
        WITH updated AS (
          INSERT INTO alerts AS a (id, org_id, integration_id, dedup_key, ${assignedColumns})
          SELECT x.id, ${orgId}::uuid, x.integration_id, x.dedup_key, ${assignedFromInput}
          FROM jsonb_to_recordset(${data}::jsonb) AS x(id uuid,
          integration_id uuid, dedup_key text, ${recordsetColumns})
          ON CONFLICT (integration_id, dedup_key) DO UPDATE SET
          ${assignedFromExcluded}, version = a.version + 1, updated_at = ${now}
          WHERE a.id = excluded.id AND a.org_id = excluded.org_id
          RETURNING a.id
        ), appended AS (
          -- An event of an alert that lost a race is left out: the count below tells the caller to roll back.
          ${appendEvents(orgId, eventData)}
        )
        SELECT count(*)::int AS written FROM updated`.execute(db)
      return result.rows[0]?.written ?? 0
    },
    /** The alerts of a batch as they stand, without locks, each with its row version for `updateManyIfUnchanged`. */
    readMany: (keys: readonly AlertKey[]) => alertsByKey(keys, { lock: false }),
    /**
     * Updates alerts read by `readMany` and appends the batch's events, as one statement that needs
     * no transaction: if any alert's version moved on since it was read (or the alert is gone), the
     * statement fails with SQLSTATE 40001 and leaves nothing behind.
     */
    async updateManyIfUnchanged(
      rows: readonly (AlertWrite & AlertKey & { id: string; version: string })[],
      events: readonly AlertEventWrite[],
      now: Date,
    ): Promise<void> {
      if (rows.length === 0 && events.length === 0) return
      // Rows in key order, as lockMany locks them: the upsert locks each row it updates, and two
      // batches taking the same rows in different orders could deadlock.
      const data = JSON.stringify(
        [...rows].sort(byKey).map((r) => ({
          id: r.id,
          integration_id: r.integrationId,
          dedup_key: r.dedupKey,
          version: r.version,
          ...record(r),
        })),
      )
      const eventData = JSON.stringify(events.map(eventRecord))
      // An upsert rather than UPDATE … FROM: its conflict check always probes the unique index, where
      // a join's plan follows statistics (a hash join over the organisation's alerts when they are stale).
      // A row it inserts means the alert is gone; that and a version moved on both fail the statement.
      await sql`${prepared}
        WITH updated AS (
          INSERT INTO alerts AS a (id, org_id, integration_id, dedup_key, version, ${assignedColumns})
          SELECT x.id, ${orgId}::uuid, x.integration_id, x.dedup_key, x.version + 1, ${assignedFromInput}
          FROM jsonb_to_recordset(${data}::jsonb) AS x(id uuid, integration_id
          uuid, dedup_key text, version bigint, ${recordsetColumns})
          ON CONFLICT (integration_id, dedup_key) DO UPDATE SET
          ${assignedFromExcluded}, version = excluded.version, updated_at = ${now}
          WHERE a.id = excluded.id AND a.org_id = excluded.org_id AND a.version = excluded.version - 1
          RETURNING a.id, a.xmax = 0 AS inserted
        ), appended AS (
          ${appendEvents(orgId, eventData)}
        )
        SELECT CASE WHEN (SELECT count(*) FILTER (WHERE NOT inserted) FROM updated) <
        ${rows.length} THEN candor_alert_changed() ELSE 0 END AS unchanged`.execute(db)
    },
    /** How many keys were new; fewer than given means a replay (or the same key twice in the batch). */
    async claimIdempotencyKeys(claims: readonly { integrationId: string; key: string }[], now: Date): Promise<number> {
      if (claims.length === 0) return 0
      const inserted = await db
        .insertInto('intake_requests')
        .values(
          claims.map((c) => ({
            integration_id: c.integrationId,
            idempotency_key: c.key,
            org_id: orgId,
            received_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(['integration_id', 'idempotency_key']).doNothing())
        .returning('integration_id')
        .execute()
      return inserted.length
    },
  }
}

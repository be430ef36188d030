import { type Selectable, sql } from 'kysely'
import { alertBatchWrites } from './alert-batch-writes.js'
import type { AlertsTable } from './schema/alerts.js'
import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'

export type AlertRow = Selectable<AlertsTable>
/** What intake reads and routes on: everything but the bulky last payload and routing record. */
export type AlertStateRow = Omit<AlertRow, 'last_payload' | 'routing' | 'version'>

/** An alert's fields as the intake use case computes them; jsonb columns are written as JSON text. */
export interface AlertWrite {
  status: string
  severity: string
  summary: string
  source: string
  labels: Record<string, string>
  details: Record<string, unknown>
  lastPayload: unknown
  eventCount: number
  fireCount: number
  firstSeenAt: Date
  lastSeenAt: Date
  lastFiredAt: Date
  acknowledgedAt: Date | null
  resolvedAt: Date | null
  stateChangeTimes: string[]
  isFlapping: boolean
}

export interface AlertEventWrite {
  integrationId: string
  alertId: string | null
  dedupKey: string
  action: string
  change: string
  occurredAt: Date
  receivedAt: Date
  payload: unknown
}

export interface AlertListFilter {
  status?: string[]
  integrationId?: string
  incidentId?: string
  limit?: number
  before?: Date
}

export function alertsStore(db: Executor, orgId: string) {
  const scoped = () => db.selectFrom('alerts').selectAll().where('org_id', '=', orgId)
  return {
    ...alertBatchWrites(db, orgId),
    async setRouting(
      id: string,
      routing: { disposition: string; routing: Record<string, unknown>; incidentId?: string | null },
    ) {
      await db
        .updateTable('alerts')
        .set({
          disposition: routing.disposition,
          routing: json(routing.routing),
          ...(routing.incidentId !== undefined ? { incident_id: routing.incidentId } : {}),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute()
    },
    async attachIncident(alertIds: string[], incidentId: string) {
      if (alertIds.length === 0) return
      await db
        .updateTable('alerts')
        .set({ incident_id: incidentId })
        .where('org_id', '=', orgId)
        .where('id', 'in', alertIds)
        .where('incident_id', 'is', null)
        .execute()
    },
    /** Acknowledged from the console: a firing alert changes (version, state change, event); null otherwise. */
    async acknowledge(id: string, at: Date, by: string) {
      const row = await db
        .updateTable('alerts')
        .set({
          status: 'acknowledged',
          acknowledged_at: at,
          updated_at: at,
          event_count: sql<number>`event_count + 1`,
          state_change_times: sql`state_change_times || jsonb_build_array(${at.toISOString()}::text)`,
          version: sql<string>`version + 1`,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('status', '=', 'firing')
        .returningAll()
        .executeTakeFirst()
      if (!row) return null
      await db
        .insertInto('alert_events')
        .values({
          org_id: orgId,
          integration_id: row.integration_id,
          alert_id: row.id,
          dedup_key: row.dedup_key,
          action: 'acknowledge',
          change: 'acknowledged',
          occurred_at: at,
          received_at: at,
          payload: json({ acknowledged_by: by, via: 'console' }),
        })
        .execute()
      return row
    },
    list(filter: AlertListFilter = {}) {
      let query = scoped()
      if (filter.status?.length) query = query.where('status', 'in', filter.status)
      if (filter.integrationId) query = query.where('integration_id', '=', filter.integrationId)
      if (filter.incidentId) query = query.where('incident_id', '=', filter.incidentId)
      if (filter.before) query = query.where('last_seen_at', '<', filter.before)
      return query
        .orderBy('last_seen_at', 'desc')
        .orderBy('id')
        .limit(filter.limit ?? 50)
        .execute()
    },
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    /** The alert locked for routing (the timer job), with its integration's kind. */
    getForRouting: (id: string) =>
      db
        .selectFrom('alerts')
        .innerJoin('integrations', 'integrations.id', 'alerts.integration_id')
        .selectAll('alerts')
        .select('integrations.kind')
        .where('alerts.org_id', '=', orgId)
        .where('alerts.id', '=', id)
        .forUpdate('alerts')
        .executeTakeFirst(),
    listEvents: (alertId: string, limit = 50) =>
      db
        .selectFrom('alert_events')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('alert_id', '=', alertId)
        .orderBy('received_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute(),
    /** Alerts that fired after `since`, with their integration's kind, for threshold counting. */
    firedSince: (since: Date, limit: number) =>
      db
        .selectFrom('alerts')
        .innerJoin('integrations', 'integrations.id', 'alerts.integration_id')
        .select([
          'alerts.id',
          'alerts.integration_id',
          'alerts.dedup_key',
          'alerts.summary',
          'alerts.severity',
          'alerts.source',
          'alerts.labels',
          'alerts.last_fired_at',
          'alerts.incident_id',
          'integrations.kind',
        ])
        .where('alerts.org_id', '=', orgId)
        // Implied by the firing (last seen ≥ last fired), and served by the (org, last seen) index.
        .where('alerts.last_seen_at', '>', since)
        .where('alerts.last_fired_at', '>', since)
        .where('alerts.status', '!=', 'resolved')
        .orderBy('alerts.last_fired_at', 'desc')
        .limit(limit)
        .execute(),
  }
}

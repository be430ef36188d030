import { sql } from 'kysely'
import { json, type Executor } from './schema/index.js'

export type ProcessOutboxKind = 'stakeholder_notification' | 'person_notification' | 'team_message' | 'freeze_webhook'

export interface ProcessOutboxWrite {
  incidentId: string | null
  kind: ProcessOutboxKind
  payload: Record<string, unknown>
  dueAt: Date
}

/** What the process owes the outside world, and the organisation's last known freeze state. */
export function processOutboxStore(db: Executor, orgId: string) {
  return {
    async enqueue(rows: readonly ProcessOutboxWrite[], now: Date) {
      if (rows.length === 0) return
      await db
        .insertInto('process_outbox')
        .values(
          rows.map((r) => ({
            org_id: orgId,
            incident_id: r.incidentId,
            kind: r.kind,
            payload: json(r.payload),
            due_at: r.dueAt,
            created_at: now,
          })),
        )
        .execute()
    },
    list(filter: { incidentId?: string; kind?: string; limit?: number } = {}) {
      let query = db.selectFrom('process_outbox').selectAll().where('org_id', '=', orgId)
      if (filter.incidentId) query = query.where('incident_id', '=', filter.incidentId)
      if (filter.kind) query = query.where('kind', '=', filter.kind)
      return query
        .orderBy('seq')
        .limit(filter.limit ?? 200)
        .execute()
    },
    /** Locked so two changes committing at once cannot both fire the same edge. */
    async freezeStateForUpdate() {
      await db
        .insertInto('marketing_freezes')
        .values({ org_id: orgId, is_frozen: false, since: null, changed_at: new Date(0) })
        .onConflict((oc) => oc.column('org_id').doNothing())
        .execute()
      return db
        .selectFrom('marketing_freezes')
        .selectAll()
        .where('org_id', '=', orgId)
        .forUpdate()
        .executeTakeFirstOrThrow()
    },
    async setFreezeState(isFrozen: boolean, since: Date | null, now: Date) {
      await db
        .updateTable('marketing_freezes')
        .set({ is_frozen: isFrozen, since, changed_at: now })
        .where('org_id', '=', orgId)
        .execute()
    },
    /** Open, real incidents with what the freeze rule needs; `since` falls back to the declaration. */
    freezeCandidates() {
      return db
        .selectFrom('incidents as i')
        .leftJoin('incident_processes as p', 'p.incident_id', 'i.id')
        .select([
          'i.id',
          'i.title',
          'i.status',
          'i.severity',
          'i.is_drill',
          sql<Date>`coalesce(p.freeze_since, i.declared_at, i.created_at)`.as('since'),
        ])
        .where('i.org_id', '=', orgId)
        .where('i.is_drill', '=', false)
        .where('i.status', 'in', ['triage', 'declared', 'investigating', 'identified', 'monitoring'])
        .execute()
    },
  }
}

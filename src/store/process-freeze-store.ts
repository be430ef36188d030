import { sql } from 'kysely'
import type { Executor } from './schema/index.js'

/** The organisation's marketing freeze: its last known state and what it is decided from. */
export function processFreezeStore(db: Executor, orgId: string) {
  return {
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

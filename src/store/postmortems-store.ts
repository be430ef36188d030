import { sql } from 'kysely'
import { json, type Executor } from './schema/index.js'

export interface FactorWrite {
  category: string
  area: string | null
  note: string | null
}

/** Postmortems, their contributing factors and the follow-up that reminds of a missing one. */
export function postmortemsStore(db: Executor, orgId: string) {
  const followUps = () => db.selectFrom('postmortem_followups').where('org_id', '=', orgId)
  return {
    get: (incidentId: string) =>
      db
        .selectFrom('postmortems')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst(),

    /** Undefined when the incident already has one. */
    create(incidentId: string, versions: { internal: object; public: object }, now: Date, by: string) {
      return db
        .insertInto('postmortems')
        .values({
          incident_id: incidentId,
          org_id: orgId,
          internal: json(versions.internal),
          public: json(versions.public),
          created_at: now,
          created_by: by,
          updated_at: now,
          updated_by: by,
        })
        .onConflict((oc) => oc.column('incident_id').doNothing())
        .returningAll()
        .executeTakeFirst()
    },

    /** Undefined when `expectedRevision` is given and someone saved a newer one meanwhile. */
    update(
      incidentId: string,
      patch: { internal?: object; public?: object },
      expectedRevision: number | null,
      now: Date,
      by: string,
    ) {
      let query = db
        .updateTable('postmortems')
        .set({
          ...(patch.internal ? { internal: json(patch.internal) } : {}),
          ...(patch.public ? { public: json(patch.public) } : {}),
          revision: sql`revision + 1`,
          updated_at: now,
          updated_by: by,
        })
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
      if (expectedRevision !== null) query = query.where('revision', '=', expectedRevision)
      return query.returningAll().executeTakeFirst()
    },

    /** The status page shows `published`: the public version as it is now. */
    publish(incidentId: string, sections: object, now: Date, by: string) {
      return db
        .updateTable('postmortems')
        .set({
          published: json(sections),
          published_at: now,
          first_published_at: sql`coalesce(first_published_at, ${now}::timestamptz)`,
          published_by: by,
        })
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .returningAll()
        .executeTakeFirstOrThrow()
    },

    listFactors: (incidentId: string) =>
      db
        .selectFrom('contributing_factors')
        .select(['category', 'area', 'note'])
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .orderBy('position')
        .execute(),

    async replaceFactors(incidentId: string, factors: readonly FactorWrite[]) {
      await db
        .deleteFrom('contributing_factors')
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .execute()
      if (factors.length === 0) return
      await db
        .insertInto('contributing_factors')
        .values(factors.map((f, position) => ({ ...f, incident_id: incidentId, org_id: orgId, position })))
        .execute()
    },

    getFollowUp: (incidentId: string) =>
      followUps().selectAll().where('incident_id', '=', incidentId).executeTakeFirst(),

    /** A (re)resolved incident owes a postmortem from `remindAt`; null: nothing owed (re-opened). */
    async scheduleFollowUp(incidentId: string, remindAt: Date | null, resetReminder: boolean, now: Date) {
      const reminded = resetReminder ? { reminded_at: null } : {}
      await db
        .insertInto('postmortem_followups')
        .values({ incident_id: incidentId, org_id: orgId, remind_at: remindAt, updated_at: now })
        .onConflict((oc) => oc.column('incident_id').doUpdateSet({ remind_at: remindAt, ...reminded, updated_at: now }))
        .execute()
    },

    async skip(incidentId: string, reason: string | null, by: string | null, now: Date) {
      const values = {
        skipped_reason: reason,
        skipped_by: by,
        skipped_at: reason === null ? null : now,
        updated_at: now,
      }
      return db
        .insertInto('postmortem_followups')
        .values({ incident_id: incidentId, org_id: orgId, ...values })
        .onConflict((oc) => oc.column('incident_id').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow()
    },

    async settleFollowUp(incidentId: string, now: Date, outcome: 'reminded' | 'not_owed') {
      await db
        .updateTable('postmortem_followups')
        .set(outcome === 'reminded' ? { reminded_at: now, updated_at: now } : { remind_at: null, updated_at: now })
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .execute()
    },
  }
}
export type PostmortemsStore = ReturnType<typeof postmortemsStore>

/**
 * Unscoped on purpose: the reminder job serves every organisation. Claims one follow-up whose
 * reminder is due, skipping rows another node holds; call inside the transaction that settles it.
 */
export async function claimDuePostmortemFollowUp(db: Executor, now: Date) {
  const row = await sql<{ org_id: string; incident_id: string }>`
    SELECT org_id, incident_id FROM postmortem_followups
    WHERE remind_at IS NOT NULL AND remind_at <= ${now}::timestamptz AND reminded_at IS NULL AND skipped_at IS NULL
    ORDER BY remind_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED`.execute(db)
  const first = row.rows[0]
  return first ? { orgId: first.org_id, incidentId: first.incident_id } : undefined
}

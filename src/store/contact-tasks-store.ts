import { sql, type Insertable, type Updateable } from 'kysely'
import type { Executor } from './schema/index.js'
import type { ContactTasksTable } from './schema/key-customers.js'

export type ContactTaskWrite = Omit<Insertable<ContactTasksTable>, 'id' | 'org_id'>
export type ContactTaskPatch = Omit<
  Updateable<ContactTasksTable>,
  'id' | 'org_id' | 'incident_id' | 'key_customer_id' | 'created_at'
>

/** Contact tasks of the organisation's incidents: one per key customer an incident affects. */
export function contactTasksStore(db: Executor, orgId: string) {
  const base = () => db.selectFrom('contact_tasks').selectAll().where('org_id', '=', orgId)
  return {
    listForIncident: (incidentId: string) =>
      base().where('incident_id', '=', incidentId).orderBy('deadline_at').orderBy('customer_name').execute(),
    get: (id: string) => base().where('id', '=', id).executeTakeFirst(),
    getForUpdate: (id: string) => base().where('id', '=', id).forUpdate().executeTakeFirst(),
    async create(rows: readonly ContactTaskWrite[]): Promise<void> {
      if (rows.length === 0) return
      await db
        .insertInto('contact_tasks')
        .values(rows.map((r) => ({ ...r, org_id: orgId })))
        // Two paths may find the same customer affected in one transaction: the first task stands.
        .onConflict((oc) => oc.columns(['incident_id', 'key_customer_id']).doNothing())
        .execute()
    },
    async update(id: string, patch: ContactTaskPatch): Promise<boolean> {
      const result = await db
        .updateTable('contact_tasks')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numUpdatedRows > 0n
    },
  }
}
export type ContactTasksStore = ReturnType<typeof contactTasksStore>

/** Unscoped on purpose (the process timers serve every organisation): one task whose overdue alert is due. */
export async function claimDueContactTaskAlert(db: Executor, now: Date) {
  const row = await sql<{ org_id: string; id: string }>`
    SELECT org_id, id FROM contact_tasks
    WHERE alert_due_at IS NOT NULL AND alert_due_at <= ${now}::timestamptz
    ORDER BY alert_due_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED`.execute(db)
  const first = row.rows[0]
  return first ? { orgId: first.org_id, id: first.id } : undefined
}

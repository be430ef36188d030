import { sql, type Insertable, type Updateable } from 'kysely'
import type { ActionItemsTable } from './schema/learning.js'
import type { Executor } from './schema/index.js'

export type ActionItemWrite = Omit<Insertable<ActionItemsTable>, 'id' | 'org_id'>
export type ActionItemPatch = Omit<Updateable<ActionItemsTable>, 'id' | 'org_id' | 'incident_id' | 'created_at'>

export interface ActionItemFilter {
  state?: string
  /** With `today` (YYYY-MM-DD): only items open past their due date (true) or all others (false). */
  overdue?: { today: string; isOverdue: boolean }
  ownerId?: string
  incidentId?: string
  tag?: string
  limit: number
}

/** Action items across the organisation's incidents, each with its incident's title and state. */
export function actionItemsStore(db: Executor, orgId: string) {
  const base = () =>
    db
      .selectFrom('action_items as a')
      .innerJoin('incidents as i', (join) =>
        join.onRef('i.id', '=', 'a.incident_id').onRef('i.org_id', '=', 'a.org_id'),
      )
      .select([
        'a.id',
        'a.incident_id',
        'a.title',
        'a.owner_id',
        'a.owner_name',
        sql<string | null>`to_char(a.due_on, 'YYYY-MM-DD')`.as('due_on'),
        'a.state',
        'a.tags',
        'a.created_at',
        'a.created_by',
        'a.updated_at',
        'a.closed_at',
        'a.reminded_at',
        'a.next_reminder_at',
        'i.title as incident_title',
        'i.status as incident_status',
        'i.is_drill as incident_is_drill',
      ])
      .where('a.org_id', '=', orgId)
  return {
    get: (id: string) => base().where('a.id', '=', id).executeTakeFirst(),

    list(filter: ActionItemFilter) {
      let query = base()
      if (filter.state) query = query.where('a.state', '=', filter.state)
      if (filter.ownerId) query = query.where('a.owner_id', '=', filter.ownerId)
      if (filter.incidentId) query = query.where('a.incident_id', '=', filter.incidentId)
      if (filter.tag) query = query.where(sql<boolean>`${filter.tag} = ANY(a.tags)`)
      if (filter.overdue) {
        const late = sql<boolean>`(a.state = 'open' AND a.due_on < ${filter.overdue.today}::date)`
        query = query.where(filter.overdue.isOverdue ? late : sql<boolean>`NOT ${late} OR a.due_on IS NULL`)
      }
      return query
        .orderBy(sql`a.due_on ASC NULLS LAST`)
        .orderBy('a.created_at')
        .orderBy('a.id')
        .limit(filter.limit)
        .execute()
    },

    async create(values: ActionItemWrite): Promise<string> {
      const row = await db
        .insertInto('action_items')
        .values({ ...values, org_id: orgId })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },

    async update(id: string, patch: ActionItemPatch): Promise<boolean> {
      const result = await db
        .updateTable('action_items')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numUpdatedRows > 0n
    },

    async remove(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('action_items')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },

    /** The row locked for a change, with its due date as text. */
    getForUpdate: (id: string) =>
      db
        .selectFrom('action_items')
        .select(['id', 'state', 'reminded_at', sql<string | null>`to_char(due_on, 'YYYY-MM-DD')`.as('due_on')])
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),
  }
}
export type ActionItemsStore = ReturnType<typeof actionItemsStore>

/** Unscoped on purpose (the reminder job serves every organisation): one open item whose reminder is due. */
export async function claimDueActionItem(db: Executor, now: Date) {
  const row = await sql<{ org_id: string; id: string }>`
    SELECT org_id, id FROM action_items
    WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= ${now}::timestamptz AND state = 'open'
    ORDER BY next_reminder_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED`.execute(db)
  const first = row.rows[0]
  return first ? { orgId: first.org_id, id: first.id } : undefined
}

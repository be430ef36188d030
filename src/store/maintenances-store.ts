import type { Executor } from './schema/index.js'
import { definedColumns } from './defined-columns.js'

export interface MaintenanceWrite {
  pageId?: string
  title?: string
  body?: string
  status?: string
  scheduledFor?: Date
  scheduledUntil?: Date
  recurrence?: string | null
  startedAt?: Date | null
  completedAt?: Date | null
}

export function maintenancesStore(db: Executor, orgId: string) {
  const scoped = () => db.selectFrom('scheduled_maintenances').selectAll().where('org_id', '=', orgId)
  const store = {
    list: (filter: { pageId?: string; statuses?: string[] } = {}) => {
      let query = scoped()
      if (filter.pageId) query = query.where('page_id', '=', filter.pageId)
      if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses)
      return query.orderBy('scheduled_for', 'desc').limit(200).execute()
    },
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    create: (input: MaintenanceWrite & { pageId: string; title: string; scheduledFor: Date; scheduledUntil: Date }) =>
      db
        .insertInto('scheduled_maintenances')
        .values({
          org_id: orgId,
          page_id: input.pageId,
          title: input.title,
          ...definedColumns(input, ['body', 'status']),
          scheduled_for: input.scheduledFor,
          scheduled_until: input.scheduledUntil,
          recurrence: input.recurrence ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    update: (id: string, input: MaintenanceWrite, now: Date) =>
      db
        .updateTable('scheduled_maintenances')
        .set({
          ...definedColumns(input, [
            'title',
            'body',
            'status',
            'scheduledFor',
            'scheduledUntil',
            'recurrence',
            'startedAt',
            'completedAt',
          ]),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async remove(id: string) {
      const result = await db
        .deleteFrom('scheduled_maintenances')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
    addUpdate: (maintenanceId: string, input: { status: string; body: string; at: Date }) =>
      db
        .insertInto('maintenance_updates')
        .values({
          org_id: orgId,
          maintenance_id: maintenanceId,
          status: input.status,
          body: input.body,
          created_at: input.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    listUpdates: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('maintenance_updates')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('maintenance_id', 'in', ids)
            .orderBy('created_at', 'desc')
            .execute(),
    async setComponents(maintenanceId: string, componentIds: string[]) {
      await db
        .deleteFrom('maintenance_components')
        .where('org_id', '=', orgId)
        .where('maintenance_id', '=', maintenanceId)
        .execute()
      if (componentIds.length === 0) return
      await db
        .insertInto('maintenance_components')
        .values(componentIds.map((component_id) => ({ org_id: orgId, maintenance_id: maintenanceId, component_id })))
        .execute()
    },
    listComponentIds: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('maintenance_components')
            .select(['maintenance_id', 'component_id'])
            .where('org_id', '=', orgId)
            .where('maintenance_id', 'in', ids)
            .execute(),
  }
  return store
}

import type { Executor } from './schema/index.js'
import { definedColumns } from './defined-columns.js'

export interface GroupWrite {
  pageId?: string
  name?: string
  description?: string | null
  position?: number
}

export interface ComponentWrite {
  pageId?: string
  groupId?: string | null
  name?: string
  description?: string | null
  status?: string
  position?: number
  showcase?: boolean
  onlyShowIfDegraded?: boolean
  startDate?: string | null
}

export function componentGroupsStore(db: Executor, orgId: string) {
  const scoped = () => db.selectFrom('component_groups').selectAll().where('org_id', '=', orgId)
  return {
    list: (pageId?: string) =>
      (pageId ? scoped().where('page_id', '=', pageId) : scoped()).orderBy('position').orderBy('created_at').execute(),
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    create: (input: GroupWrite & { pageId: string; name: string }) =>
      db
        .insertInto('component_groups')
        .values({
          org_id: orgId,
          page_id: input.pageId,
          name: input.name,
          description: input.description ?? null,
          position: input.position ?? 0,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    update: (id: string, input: GroupWrite, now: Date) =>
      db
        .updateTable('component_groups')
        .set({
          ...definedColumns(input, ['name', 'description', 'position']),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async remove(id: string) {
      const result = await db
        .deleteFrom('component_groups')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
  }
}

export function componentsStore(db: Executor, orgId: string) {
  const scoped = () => db.selectFrom('components').selectAll().where('org_id', '=', orgId)
  return {
    list: (pageId?: string) =>
      (pageId ? scoped().where('page_id', '=', pageId) : scoped()).orderBy('position').orderBy('created_at').execute(),
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    getMany: (ids: string[]) => (ids.length === 0 ? Promise.resolve([]) : scoped().where('id', 'in', ids).execute()),
    create: (input: ComponentWrite & { pageId: string; name: string }) =>
      db
        .insertInto('components')
        .values({
          org_id: orgId,
          page_id: input.pageId,
          group_id: input.groupId ?? null,
          name: input.name,
          description: input.description ?? null,
          ...definedColumns(input, ['status', 'position', 'showcase', 'onlyShowIfDegraded']),
          start_date: input.startDate ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    update: (id: string, input: ComponentWrite, now: Date) =>
      db
        .updateTable('components')
        .set({
          ...definedColumns(input, [
            'groupId',
            'name',
            'description',
            'status',
            'position',
            'showcase',
            'onlyShowIfDegraded',
            'startDate',
          ]),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async remove(id: string) {
      const result = await db
        .deleteFrom('components')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
    recordStatusChange: (input: {
      componentId: string
      oldStatus: string | null
      newStatus: string
      incidentId?: string | null
      at: Date
    }) =>
      db
        .insertInto('component_status_changes')
        .values({
          org_id: orgId,
          component_id: input.componentId,
          old_status: input.oldStatus,
          new_status: input.newStatus,
          incident_id: input.incidentId ?? null,
          changed_at: input.at,
        })
        .execute(),
    statusHistory: (componentIds: string[], since: Date) =>
      componentIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('component_status_changes')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('component_id', 'in', componentIds)
            .where('changed_at', '>=', since)
            .orderBy('changed_at')
            .execute(),
  }
}

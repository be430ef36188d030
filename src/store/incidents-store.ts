import type { AffectedComponent } from './schema/core.js'
import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'
import { definedColumns } from './defined-columns.js'

export interface IncidentRowWrite {
  pageId?: string | null
  title?: string
  type?: string
  severity?: number
  status?: string
  impact?: string
  impactChosen?: boolean
  isDrill?: boolean
  whoIsAffected?: string | null
  expectedDuration?: string | null
  workaround?: string | null
  contact?: string | null
  responseTimeMinutes?: number | null
  thirdPartyProvider?: string | null
  showProviderOnPage?: boolean
  startedAt?: Date
  declaredAt?: Date | null
  identifiedAt?: Date | null
  monitoringAt?: Date | null
  resolvedAt?: Date | null
}

export interface UpdateRowWrite {
  status: string
  body: string
  bodyTechnical?: string | null
  affectedComponents?: AffectedComponent[]
  deliverNotifications?: boolean
  createdBy?: string | null
  displayAt: Date
}

export interface IncidentListFilter {
  pageId?: string
  status?: string[]
  limit?: number
  before?: Date
}

const communicationColumns = [
  'whoIsAffected',
  'expectedDuration',
  'workaround',
  'contact',
  'responseTimeMinutes',
  'thirdPartyProvider',
  'showProviderOnPage',
] as const

export function incidentsStore(db: Executor, orgId: string) {
  const scoped = () => db.selectFrom('incidents').selectAll().where('org_id', '=', orgId)
  const store = {
    list(filter: IncidentListFilter = {}) {
      let query = scoped()
      if (filter.pageId) query = query.where('page_id', '=', filter.pageId)
      if (filter.status?.length) query = query.where('status', 'in', filter.status)
      if (filter.before) query = query.where('started_at', '<', filter.before)
      return query
        .orderBy('started_at', 'desc')
        .orderBy('id')
        .limit(filter.limit ?? 50)
        .execute()
    },
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    /** Row lock so two updates to one incident apply one after the other. */
    getForUpdate: (id: string) => scoped().where('id', '=', id).forUpdate().executeTakeFirst(),
    create: (
      input: IncidentRowWrite & {
        title: string
        status: string
        createdBy?: string | null
        playbookKey?: string | null
      },
    ) =>
      db
        .insertInto('incidents')
        .values({
          org_id: orgId,
          page_id: input.pageId ?? null,
          title: input.title,
          status: input.status,
          created_by: input.createdBy ?? null,
          playbook_key: input.playbookKey ?? null,
          ...definedColumns(input, ['type', 'severity', 'impact', 'impactChosen', 'isDrill', 'startedAt']),
          ...definedColumns(input, communicationColumns),
          declared_at: input.declaredAt ?? null,
          identified_at: input.identifiedAt ?? null,
          monitoring_at: input.monitoringAt ?? null,
          resolved_at: input.resolvedAt ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    update: (id: string, input: IncidentRowWrite, now: Date) =>
      db
        .updateTable('incidents')
        .set({
          ...definedColumns(input, [
            'pageId',
            'title',
            'type',
            'severity',
            'status',
            'impact',
            'impactChosen',
            'isDrill',
            'startedAt',
            'declaredAt',
            'identifiedAt',
            'monitoringAt',
            'resolvedAt',
          ]),
          ...definedColumns(input, communicationColumns),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async remove(id: string) {
      const result = await db
        .deleteFrom('incidents')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
    listUpdates: (incidentIds: string[]) =>
      incidentIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('incident_updates')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('incident_id', 'in', incidentIds)
            .orderBy('display_at', 'desc')
            .orderBy('created_at', 'desc')
            .execute(),
    getUpdate: (incidentId: string, updateId: string) =>
      db
        .selectFrom('incident_updates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .where('id', '=', updateId)
        .executeTakeFirst(),
    addUpdate: (incidentId: string, input: UpdateRowWrite) =>
      db
        .insertInto('incident_updates')
        .values({
          org_id: orgId,
          incident_id: incidentId,
          status: input.status,
          body: input.body,
          body_technical: input.bodyTechnical ?? null,
          affected_components: json(input.affectedComponents ?? []),
          ...(input.deliverNotifications !== undefined ? { deliver_notifications: input.deliverNotifications } : {}),
          created_by: input.createdBy ?? null,
          display_at: input.displayAt,
          created_at: input.displayAt,
          updated_at: input.displayAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    editUpdate: (
      incidentId: string,
      updateId: string,
      input: { body?: string; bodyTechnical?: string | null },
      now: Date,
    ) =>
      db
        .updateTable('incident_updates')
        .set({
          ...definedColumns(input, ['body', 'bodyTechnical']),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .where('id', '=', updateId)
        .returningAll()
        .executeTakeFirst(),
    listAffectedComponentIds: async (incidentIds: string[]) =>
      incidentIds.length === 0
        ? []
        : db
            .selectFrom('incident_components')
            .select(['incident_id', 'component_id'])
            .where('org_id', '=', orgId)
            .where('incident_id', 'in', incidentIds)
            .execute(),
    async attachComponents(incidentId: string, componentIds: string[]) {
      if (componentIds.length === 0) return
      await db
        .insertInto('incident_components')
        .values(
          componentIds.map((componentId) => ({ org_id: orgId, incident_id: incidentId, component_id: componentId })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute()
    },
  }
  return store
}

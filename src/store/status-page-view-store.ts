import { sql } from 'kysely'
import type { Executor } from './schema/index.js'

/** Incident statuses a reader may see (triage, declared and stood-down stay internal). */
const publicIncidentStatuses = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem_published',
  'closed',
]

export interface StatusPageRowsOptions {
  /** Status changes, incidents and maintenances before this are not needed (uptime window and history). */
  since: Date
  incidentLimit?: number
  maintenanceLimit?: number
}

/**
 * Everything one public page shows, read in one set of queries. Unscoped by design: a
 * public page is found by id before any organisation is known; every query after the page
 * row also carries its org_id.
 */
export function statusPageViewStore(db: Executor) {
  return {
    listPageIds: async () =>
      (await db.selectFrom('status_pages').select('id').orderBy('created_at').orderBy('id').execute()).map((r) => r.id),

    async load(pageId: string, options: StatusPageRowsOptions) {
      const page = await db.selectFrom('status_pages').selectAll().where('id', '=', pageId).executeTakeFirst()
      if (!page) return null
      const org = page.org_id

      const incidents = await db
        .selectFrom('incidents')
        .selectAll()
        .where('org_id', '=', org)
        .where('page_id', '=', pageId)
        .where('is_drill', '=', false)
        .where('status', 'in', publicIncidentStatuses)
        .where((eb) =>
          eb.or([
            eb('started_at', '>=', options.since),
            eb('status', 'in', ['investigating', 'identified', 'monitoring']),
          ]),
        )
        .orderBy('started_at', 'desc')
        .limit(options.incidentLimit ?? 500)
        .execute()
      const maintenances = await db
        .selectFrom('scheduled_maintenances')
        .selectAll()
        .where('org_id', '=', org)
        .where('page_id', '=', pageId)
        .where((eb) => eb.or([eb('scheduled_until', '>=', options.since), eb('status', '!=', 'completed')]))
        .orderBy('scheduled_for', 'desc')
        .limit(options.maintenanceLimit ?? 200)
        .execute()
      const incidentIds = incidents.map((i) => i.id)
      const maintenanceIds = maintenances.map((m) => m.id)

      const [hostnames, groups, components, updates, incidentComponents, maintenanceUpdates, maintenanceComponents] =
        await Promise.all([
          db
            .selectFrom('status_page_hostnames')
            .select('hostname')
            .where('org_id', '=', org)
            .where('page_id', '=', pageId)
            .orderBy('hostname')
            .execute(),
          db
            .selectFrom('component_groups')
            .selectAll()
            .where('org_id', '=', org)
            .where('page_id', '=', pageId)
            .execute(),
          db.selectFrom('components').selectAll().where('org_id', '=', org).where('page_id', '=', pageId).execute(),
          incidentIds.length
            ? db
                .selectFrom('incident_updates')
                .selectAll()
                .where('org_id', '=', org)
                .where('incident_id', 'in', incidentIds)
                .orderBy('display_at')
                .orderBy('created_at')
                .execute()
            : [],
          incidentIds.length
            ? db
                .selectFrom('incident_components')
                .selectAll()
                .where('org_id', '=', org)
                .where('incident_id', 'in', incidentIds)
                .execute()
            : [],
          maintenanceIds.length
            ? db
                .selectFrom('maintenance_updates')
                .selectAll()
                .where('org_id', '=', org)
                .where('maintenance_id', 'in', maintenanceIds)
                .orderBy('created_at')
                .execute()
            : [],
          maintenanceIds.length
            ? db
                .selectFrom('maintenance_components')
                .selectAll()
                .where('org_id', '=', org)
                .where('maintenance_id', 'in', maintenanceIds)
                .execute()
            : [],
        ])
      // Published public postmortems only: a draft never reaches the page.
      const postmortems = incidentIds.length
        ? await db
            .selectFrom('postmortems')
            .select(['incident_id', 'published', 'first_published_at', 'published_at'])
            .where('org_id', '=', org)
            .where('incident_id', 'in', incidentIds)
            .where('published', 'is not', null)
            .execute()
        : []
      const componentIds = components.map((c) => c.id)
      // The changes inside the window, plus each component's last change before it (its status when the window opened).
      const statusChanges = componentIds.length
        ? await db
            .selectFrom('component_status_changes')
            .select(['component_id', 'old_status', 'new_status', 'changed_at'])
            .where('org_id', '=', org)
            .where('component_id', 'in', componentIds)
            .where((eb) =>
              eb.or([
                eb('changed_at', '>=', options.since),
                eb(
                  'id',
                  'in',
                  eb
                    .selectFrom('component_status_changes as before')
                    .select(sql<string>`(array_agg(before.id ORDER BY before.changed_at DESC))[1]`.as('id'))
                    .where('before.org_id', '=', org)
                    .where('before.component_id', 'in', componentIds)
                    .where('before.changed_at', '<', options.since)
                    .groupBy('before.component_id'),
                ),
              ]),
            )
            .orderBy('changed_at')
            .execute()
        : []
      return {
        page: { ...page, hostnames: hostnames.map((h) => h.hostname) },
        groups,
        components,
        statusChanges,
        incidents,
        updates,
        incidentComponents,
        maintenances,
        maintenanceUpdates,
        maintenanceComponents,
        postmortems,
      }
    },
  }
}

export type StatusPageRows = NonNullable<Awaited<ReturnType<ReturnType<typeof statusPageViewStore>['load']>>>

import type { Executor } from './schema/index.js'

/** What the worker reads to compose a message, outside any transaction: updates, pages, on-call pages. */
export function outboxFactsStore(db: Executor) {
  return {
    /**
     * What one update's messages say: the update, its incident, its page and the names of the components it touches.
     */
    async loadUpdate(orgId: string, updateId: string) {
      const update = await db
        .selectFrom('incident_updates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', updateId)
        .executeTakeFirst()
      if (!update) return undefined
      const incident = await db
        .selectFrom('incidents')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', update.incident_id)
        .executeTakeFirstOrThrow()
      const components = await db
        .selectFrom('incident_components')
        .innerJoin('components', 'components.id', 'incident_components.component_id')
        .select(['components.id', 'components.name'])
        .where('incident_components.org_id', '=', orgId)
        .where('incident_components.incident_id', '=', incident.id)
        .orderBy('components.position')
        .execute()
      return { update, incident, components }
    },
    async loadPage(pageId: string) {
      const page = await db.selectFrom('status_pages').selectAll().where('id', '=', pageId).executeTakeFirst()
      if (!page) return undefined
      const hostnames = await db
        .selectFrom('status_page_hostnames')
        .select('hostname')
        .where('page_id', '=', pageId)
        .orderBy('hostname')
        .execute()
      return { ...page, hostnames: hostnames.map((h) => h.hostname) }
    },
    /** An on-call notification with its page (is it still open?) and the contact method's signing secret. */
    loadPageNotification: (orgId: string, notificationId: string) =>
      db
        .selectFrom('oncall_notifications as n')
        .innerJoin('oncall_pages as p', 'p.id', 'n.page_id')
        .leftJoin('oncall_contact_methods as c', 'c.id', 'n.contact_method_id')
        .select([
          'n.id',
          'n.org_id',
          'n.page_id',
          'n.user_id',
          'n.kind',
          'n.level_index',
          'n.is_fallback',
          'p.summary',
          'p.details',
          'p.status as page_status',
          'p.created_at as page_created_at',
          'c.secret',
        ])
        .where('n.org_id', '=', orgId)
        .where('n.id', '=', notificationId)
        .executeTakeFirst(),
  }
}

import type { ActorRef } from '../domain/process/people.js'
import type { TimelineEntry } from '../domain/process/timeline.js'
import { json, type Executor } from './schema/index.js'

/** The append-only incident timeline: the table refuses updates and deletes (migration 0003). */
export function timelineStore(db: Executor, orgId: string) {
  return {
    async append(incidentId: string, entries: readonly TimelineEntry[]) {
      if (entries.length === 0) return
      await db
        .insertInto('incident_timeline')
        .values(
          entries.map(({ type, at, actor, ...data }) => ({
            incident_id: incidentId,
            org_id: orgId,
            type,
            at,
            actor: json(actor),
            data: json(data),
          })),
        )
        .execute()
    },
    async list(
      incidentId: string,
      options: { limit?: number; types?: string[] } = {},
    ): Promise<(TimelineEntry & { id: string })[]> {
      let query = db
        .selectFrom('incident_timeline')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
      if (options.types?.length) query = query.where('type', 'in', options.types)
      const rows = await query
        .orderBy('at')
        .orderBy('seq')
        .limit(options.limit ?? 5000)
        .execute()
      return rows.map(
        (r) =>
          ({ ...(r.data as object), type: r.type, at: r.at, actor: r.actor as ActorRef, id: r.id }) as TimelineEntry & {
            id: string
          },
      )
    },
  }
}
export type TimelineStore = ReturnType<typeof timelineStore>

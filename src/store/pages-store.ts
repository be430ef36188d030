import type { Branding } from './schema/core.js'
import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'
import { definedColumns } from './defined-columns.js'

export interface PageWrite {
  slug?: string
  name?: string
  locale?: string
  timeZone?: string
  branding?: Branding
  hostnames?: string[]
}

/** Status pages of one organisation; every query carries org_id. */
export function pagesStore(db: Executor, orgId: string) {
  const withHostnames = async <T extends { id: string }>(rows: T[]) => {
    if (rows.length === 0) return [] as (T & { hostnames: string[] })[]
    const hosts = await db
      .selectFrom('status_page_hostnames')
      .select(['page_id', 'hostname'])
      .where('org_id', '=', orgId)
      .where(
        'page_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('hostname')
      .execute()
    return rows.map((row) => ({ ...row, hostnames: hosts.filter((h) => h.page_id === row.id).map((h) => h.hostname) }))
  }
  const setHostnames = async (pageId: string, hostnames: string[]) => {
    await db.deleteFrom('status_page_hostnames').where('org_id', '=', orgId).where('page_id', '=', pageId).execute()
    if (hostnames.length > 0) {
      await db
        .insertInto('status_page_hostnames')
        .values(hostnames.map((hostname) => ({ hostname, page_id: pageId, org_id: orgId })))
        .execute()
    }
  }
  const store = {
    async list() {
      return withHostnames(
        await db.selectFrom('status_pages').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute(),
      )
    },
    async get(id: string) {
      const row = await db
        .selectFrom('status_pages')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? (await withHostnames([row]))[0] : undefined
    },
    async create(input: PageWrite & { slug: string; name: string }) {
      const row = await db
        .insertInto('status_pages')
        .values({
          org_id: orgId,
          slug: input.slug,
          name: input.name,
          ...(input.locale ? { locale: input.locale } : {}),
          ...(input.timeZone ? { time_zone: input.timeZone } : {}),
          branding: json(input.branding ?? {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await setHostnames(row.id, input.hostnames ?? [])
      return (await store.get(row.id))!
    },
    async update(id: string, input: PageWrite, now: Date) {
      const result = await db
        .updateTable('status_pages')
        .set({
          ...definedColumns(input, ['slug', 'name', 'locale', 'timeZone']),
          ...(input.branding !== undefined ? { branding: json(input.branding) } : {}),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      if (result.numUpdatedRows === 0n) return undefined
      if (input.hostnames !== undefined) await setHostnames(id, input.hostnames)
      return store.get(id)
    },
    async remove(id: string) {
      const result = await db
        .deleteFrom('status_pages')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
  }
  return store
}

/** Public routing: a Host header or slug picks the page before any organisation is known. */
export function publicPagesStore(db: Executor) {
  return {
    async findByHostname(hostname: string) {
      return db
        .selectFrom('status_page_hostnames')
        .innerJoin('status_pages', 'status_pages.id', 'status_page_hostnames.page_id')
        .selectAll('status_pages')
        .where('status_page_hostnames.hostname', '=', hostname.toLowerCase())
        .executeTakeFirst()
    },
    findBySlug: (slug: string) => db.selectFrom('status_pages').selectAll().where('slug', '=', slug).executeTakeFirst(),
    listAll: () => db.selectFrom('status_pages').selectAll().orderBy('created_at').execute(),
    /** The page local hosts show when no page claims them: the oldest, as the status page snapshot cache picks it. */
    findOldest: () =>
      db.selectFrom('status_pages').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst(),
  }
}

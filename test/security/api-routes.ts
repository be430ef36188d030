import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../src/store/database.js'

export interface PathParam {
  name: string
  /** Names an object (`id`, `…Id`): filled with object ids. */
  isId: boolean
  values?: string[]
}

export interface ApiRoute {
  method: string
  template: string
  params: PathParam[]
  query: string[]
}

/** Paths anyone may call; every other /api/ route must demand a credential. */
export const publicApiPaths = [
  /^\/api\/v2\//,
  /^\/api\/live$/,
  /^\/api\/intake\//,
  /^\/api\/auth\/(sign-in|link|sign-in-link)$/,
  /^\/api\/invitations\/accept$/,
]

/** Every operation of the OpenAPI document the app serves. */
export async function loadRoutes(app: FastifyInstance): Promise<ApiRoute[]> {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: { enum?: string[] } }[] }>>
  }
  const routes: ApiRoute[] = []
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const parameters = op.parameters ?? []
      const params = [...template.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
        const declared = parameters.find((p) => p.in === 'path' && p.name === name)
        return { name: name!, isId: name === 'id' || name!.endsWith('Id'), values: declared?.schema?.enum }
      })
      routes.push({
        method: method.toUpperCase(),
        template,
        params,
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
      })
    }
  }
  return routes
}

/** Server-sent event streams answer a refusal at once but, once allowed, never end: sweeps leave them out. */
export function isLiveStream(path: string): boolean {
  return /\/api\/(live|events)(\?|$)|\/api\/incidents\/[^/]+\/events(\?|$)/.test(path)
}

export function isAuthenticatedApi(route: ApiRoute): boolean {
  return (
    route.template.startsWith('/api/') &&
    route.template !== '/api/openapi.json' &&
    !publicApiPaths.some((p) => p.test(route.template))
  )
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'))
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** Every row of every tenant-owned table (those with an org_id column) of one organisation, as JSON. */
export async function tenantRows(database: DatabaseHandle, orgId: string): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where column_name = 'org_id' and table_schema = current_schema() order by table_name`.execute(database.db)
  const rows: Record<string, unknown[]> = {}
  for (const { table_name: table } of tables.rows) {
    const result = await sql<{
      row: unknown
    }>`select to_jsonb(t) as row from ${sql.table(table)} t where org_id = ${orgId} order by 1::text`.execute(
      database.db,
    )
    rows[table] = result.rows.map((r) => r.row).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))
  }
  return rows
}

export function uuidsIn(value: unknown): Set<string> {
  return new Set((JSON.stringify(value).match(uuidPattern) ?? []).map((s) => s.toLowerCase()))
}

export type Assignment = Record<string, string>

/**
 * Finds which ids name real objects for each route, as seen by `headers`: for a read route the
 * ids its GET answers 200 for (walking down from parent routes), for a change route those of its
 * read route, and every id where there is no read route to ask.
 */
export function objectFinder(app: FastifyInstance, routes: ApiRoute[], headers: Record<string, string>, ids: string[]) {
  const getRoutes = routes.filter((r) => r.method === 'GET')
  const parentOf = (template: string) =>
    getRoutes
      .filter((r) => template.startsWith(`${r.template}/`) && r.params.some((p) => p.isId))
      .sort((x, y) => y.template.length - x.template.length)[0]
  const nonIds = (params: ApiRoute['params']) =>
    Object.fromEntries(params.filter((p) => !p.isId).map((p) => [p.name, p.values?.[0] ?? 'x']))
  const expand = (seeds: Assignment[], params: ApiRoute['params']) => {
    let out = seeds
    for (const p of params.filter((q) => q.isId && !(q.name in (seeds[0] ?? {}))))
      out = out.flatMap((x) => ids.map((id) => ({ ...x, [p.name]: id })))
    return out.map((x) => ({ ...x, ...nonIds(params) }))
  }
  const madeUp = (values: Assignment) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, ids.includes(v) ? randomUUID() : v]))
  const valid = new Map<string, Assignment[]>()
  const validFor = async (route: ApiRoute): Promise<Assignment[]> => {
    const cached = valid.get(route.template)
    if (cached) return cached
    const parent = parentOf(route.template)
    const seeds = parent ? await validFor(parent) : [{}]
    let found: Assignment[] = []
    for (const candidate of expand(seeds, route.params)) {
      if ((await app.inject({ url: fill(route.template, candidate), headers })).statusCode === 200)
        found.push(candidate)
    }
    // A route that answers 200 for any id at all (an empty list for an unknown person) names nothing: a few samples do.
    const control = expand([{}], route.params).map(madeUp)[0]
    if (
      control &&
      found.length > 0 &&
      (await app.inject({ url: fill(route.template, control), headers })).statusCode === 200
    )
      found = found.slice(0, 3)
    valid.set(route.template, found)
    return found
  }
  return {
    madeUp,
    async assignmentsFor(route: ApiRoute): Promise<Assignment[]> {
      const sameGet = getRoutes.find((r) => r.template === route.template)
      if (sameGet) return validFor(sameGet)
      const parent = parentOf(route.template)
      return parent ? expand(await validFor(parent), route.params) : expand([{}], route.params)
    },
  }
}

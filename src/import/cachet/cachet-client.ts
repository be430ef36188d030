import { z } from 'zod'
import { fetchJson, type FetchProgress, parseSource } from '../source-input.js'
import { cachetExport, type CachetExport } from './cachet-export.js'

export interface CachetApiInput {
  /** The Cachet site, e.g. https://status.example.com (the API is under /api/v1). */
  url: string
  token?: string
}

const listPage = z.looseObject({
  data: z.array(z.looseObject({ id: z.coerce.number() })),
  meta: z.looseObject({ pagination: z.looseObject({ total_pages: z.coerce.number().nullish() }).nullish() }).nullish(),
})

/**
 * Reads a Cachet page through its API v1 (`X-Cachet-Token`; subscribers need a token, the rest
 * is public), page by page (`?per_page=100&page=N`), each incident's updates too.
 */
export async function fetchCachet(input: CachetApiInput, onProgress?: FetchProgress): Promise<CachetExport> {
  const site = input.url.replace(/\/+$/, '').replace(/\/api\/v1$/, '')
  const base = `${site}/api/v1`
  const headers: Record<string, string> = input.token ? { 'x-cachet-token': input.token } : {}
  const options = { headers, what: 'The Cachet API token' }
  const list = async (path: string, label: string) => {
    const all: Record<string, unknown>[] = []
    for (let n = 1; ; n++) {
      const sep = path.includes('?') ? '&' : '?'
      const page = parseSource(listPage, await fetchJson(`${base}${path}${sep}per_page=100&page=${n}`, options), label)
      all.push(...page.data)
      onProgress?.(label, all.length)
      if (page.data.length === 0 || n >= (page.meta?.pagination?.total_pages ?? 1)) return all
    }
  }
  const components = await list('/components', 'components')
  const groups = await list('/components/groups', 'component groups')
  const incidents = []
  for (const incident of await list('/incidents', 'incidents')) {
    incidents.push({ ...incident, updates: await list(`/incidents/${incident.id}/updates`, 'incident updates') })
  }
  const schedules = await list('/schedules', 'schedules')
  const subscribers = input.token ? await list('/subscribers', 'subscribers') : []
  return parseSource(
    cachetExport,
    {
      page: { id: new URL(site).host, name: new URL(site).host },
      components,
      component_groups: groups,
      incidents,
      schedules,
      subscribers,
    },
    "Cachet's answers",
  )
}

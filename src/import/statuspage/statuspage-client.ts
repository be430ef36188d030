import { fetchJson, type FetchProgress, parseSource } from '../source-input.js'
import {
  statuspageComponent,
  statuspageExport,
  statuspageIncident,
  statuspageSubscriber,
  type StatuspageExport,
} from './statuspage-export.js'
import { z } from 'zod'

export interface StatuspageApiInput {
  apiKey: string
  pageId: string
  /** https://api.statuspage.io/v1 unless told (tests point it at a local server). */
  baseUrl?: string
}

const perPage = 100

/**
 * Reads a whole page through Statuspage's REST API v1 with the page's API key
 * (`Authorization: OAuth <key>`), page by page, into the same shape as an export file.
 * Subscribers are read twice, confirmed (`state=active`) and all, so each keeps its state.
 */
export async function fetchStatuspage(
  input: StatuspageApiInput,
  onProgress?: FetchProgress,
): Promise<StatuspageExport> {
  const base = (input.baseUrl ?? 'https://api.statuspage.io/v1').replace(/\/+$/, '')
  const options = { headers: { authorization: `OAuth ${input.apiKey}` }, what: 'The Statuspage API key' }
  const pagePath = `${base}/pages/${encodeURIComponent(input.pageId)}`
  const page = await fetchJson(pagePath, options)
  const list = async <S extends z.ZodType>(path: string, schema: S, label: string) => {
    const all: z.infer<S>[] = []
    for (let n = 1; ; n++) {
      const sep = path.includes('?') ? '&' : '?'
      const raw = await fetchJson(`${pagePath}${path}${sep}page=${n}&per_page=${perPage}`, options)
      const items = parseSource(z.array(schema), raw, `Statuspage's ${label}`)
      all.push(...items)
      onProgress?.(label, all.length)
      if (items.length < perPage) return all
    }
  }
  const components = await list('/components', statuspageComponent, 'components')
  const incidents = await list('/incidents', statuspageIncident, 'incidents')
  // The confirmed ones (state=active), then everyone (state=all): whoever is only in the second list
  // is unconfirmed, or quarantined when quarantined_at says so (names of the other states vary).
  const active = await list('/subscribers?state=active', statuspageSubscriber, 'subscribers')
  const confirmed = new Set(active.map((s) => s.id))
  const others = (await list('/subscribers?state=all', statuspageSubscriber, 'all subscribers')).filter(
    (s) => !confirmed.has(s.id),
  )
  return parseSource(
    statuspageExport,
    {
      page,
      components,
      incidents,
      subscribers: [
        ...active.map((s) => ({ ...s, state: 'active' })),
        ...others.map((s) => ({ ...s, state: s.quarantined_at ? 'quarantined' : 'unconfirmed' })),
      ],
    },
    "Statuspage's page",
  )
}

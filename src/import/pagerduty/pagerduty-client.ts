import { z } from 'zod'
import { fetchJson, type FetchProgress, parseSource } from '../source-input.js'
import { pagerdutyExport, type PagerdutyExport } from './pagerduty-export.js'

export interface PagerdutyApiInput {
  token: string
  /** https://api.pagerduty.com unless told (tests point it at a local server). */
  baseUrl?: string
  now: Date
}

const envelope = z.looseObject({ more: z.boolean().nullish() })
const limit = 100
const YEAR_MS = 365 * 86_400_000

/**
 * Reads users, schedules (each in full, with its overrides for the coming year), escalation
 * policies and services through PagerDuty's REST API v2 with a REST API key
 * (`Authorization: Token token=…`), following offset pagination.
 */
export async function fetchPagerduty(input: PagerdutyApiInput, onProgress?: FetchProgress): Promise<PagerdutyExport> {
  const base = (input.baseUrl ?? 'https://api.pagerduty.com').replace(/\/+$/, '')
  const options = {
    headers: { authorization: `Token token=${input.token}`, accept: 'application/vnd.pagerduty+json;version=2' },
    what: 'The PagerDuty API token',
  }
  const list = async (path: string, field: string) => {
    const all: unknown[] = []
    for (let offset = 0; ; ) {
      const sep = path.includes('?') ? '&' : '?'
      const raw = await fetchJson(`${base}${path}${sep}limit=${limit}&offset=${offset}`, options)
      const page = parseSource(envelope.extend({ [field]: z.array(z.unknown()) }), raw, `PagerDuty's ${field}`)
      const items = page[field] as unknown[]
      all.push(...items)
      offset += items.length
      onProgress?.(field.replace(/_/g, ' '), all.length)
      if (!page.more || items.length === 0) return all
    }
  }
  const users = await list('/users?include[]=contact_methods&include[]=notification_rules', 'users')
  const listed = await list('/schedules', 'schedules')
  const since = encodeURIComponent(input.now.toISOString())
  const until = encodeURIComponent(new Date(input.now.getTime() + YEAR_MS).toISOString())
  const fortnight = encodeURIComponent(new Date(input.now.getTime() + 14 * 86_400_000).toISOString())
  const schedules = []
  for (const item of listed) {
    const { id } = parseSource(z.looseObject({ id: z.string() }), item, "PagerDuty's schedule")
    const path = `/schedules/${encodeURIComponent(id)}`
    // The rendered fortnight lets the mapper confirm which layers take precedence.
    const full = parseSource(
      z.looseObject({ schedule: z.looseObject({}) }),
      await fetchJson(`${base}${path}?since=${since}&until=${fortnight}&time_zone=UTC`, options),
      "PagerDuty's schedule",
    )
    const overrides = parseSource(
      z.looseObject({ overrides: z.array(z.unknown()) }),
      await fetchJson(`${base}${path}/overrides?since=${since}&until=${until}`, options),
      "PagerDuty's overrides",
    )
    schedules.push({ ...full.schedule, overrides: overrides.overrides })
    onProgress?.('schedules in full', schedules.length)
  }
  const escalationPolicies = await list('/escalation_policies', 'escalation_policies')
  const services = await list('/services?include[]=integrations', 'services')
  return parseSource(
    pagerdutyExport,
    { users, schedules, escalation_policies: escalationPolicies, services },
    "PagerDuty's answers",
  )
}

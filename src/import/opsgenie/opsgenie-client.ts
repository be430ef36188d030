import { z } from 'zod'
import { fetchJson, type FetchProgress, parseSource } from '../source-input.js'
import { opsgenieExport, type OpsgenieExport } from './opsgenie-export.js'

export interface OpsgenieApiInput {
  apiKey: string
  /** https://api.opsgenie.com unless told (api.eu.opsgenie.com for EU accounts; tests: a local server). */
  baseUrl?: string
}

const dataOf = z.looseObject({ data: z.array(z.looseObject({ id: z.string().optional() })) })
const limit = 100

/**
 * Reads users (and each one's contacts), schedules with rotations (and each one's overrides),
 * escalations and integrations through Opsgenie's REST API with an API key
 * (`Authorization: GenieKey …`), following offset pagination where the API pages.
 */
export async function fetchOpsgenie(input: OpsgenieApiInput, onProgress?: FetchProgress): Promise<OpsgenieExport> {
  const base = (input.baseUrl ?? 'https://api.opsgenie.com').replace(/\/+$/, '')
  const options = { headers: { authorization: `GenieKey ${input.apiKey}` }, what: 'The Opsgenie API key' }
  const get = async (path: string, what: string) =>
    parseSource(dataOf, await fetchJson(`${base}${path}`, options), what).data
  const users = []
  for (let offset = 0; ; ) {
    const page = await get(`/v2/users?limit=${limit}&offset=${offset}`, "Opsgenie's users")
    for (const user of page) {
      const contacts = await get(`/v2/users/${encodeURIComponent(user.id ?? '')}/contacts`, "Opsgenie's contacts")
      users.push({ ...user, contacts })
    }
    offset += page.length
    onProgress?.('users', users.length)
    if (page.length < limit) break
  }
  const schedules = []
  for (const schedule of await get('/v2/schedules?expand=rotation', "Opsgenie's schedules")) {
    const path = `/v2/schedules/${encodeURIComponent(schedule.id ?? '')}/overrides`
    const overrides = await get(path, "Opsgenie's overrides")
    schedules.push({ ...schedule, overrides })
    onProgress?.('schedules', schedules.length)
  }
  const escalations = await get('/v2/escalations', "Opsgenie's escalations")
  const integrations = await get('/v2/integrations', "Opsgenie's integrations")
  return parseSource(opsgenieExport, { users, schedules, escalations, integrations }, "Opsgenie's answers")
}

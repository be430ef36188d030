import { invalid } from '../domain/app-error.js'
import type { ImportPlan, ImportSource } from '../domain/import/import-plan.js'
import { fetchCachet } from './cachet/cachet-client.js'
import { cachetExport } from './cachet/cachet-export.js'
import { mapCachet } from './cachet/map-cachet.js'
import { readCachetDb } from './cachet/read-cachet-db.js'
import { mapOpsgenie } from './opsgenie/map-opsgenie.js'
import { fetchOpsgenie } from './opsgenie/opsgenie-client.js'
import { opsgenieExport } from './opsgenie/opsgenie-export.js'
import { mapPagerduty } from './pagerduty/map-pagerduty.js'
import { fetchPagerduty } from './pagerduty/pagerduty-client.js'
import { pagerdutyExport } from './pagerduty/pagerduty-export.js'
import { parseSource, type FetchProgress } from './source-input.js'
import { mapUptimeKuma } from './uptime-kuma/map-uptime-kuma.js'
import { readKumaDb } from './uptime-kuma/read-kuma-db.js'
import { fetchStatuspage } from './statuspage/statuspage-client.js'
import { statuspageExport } from './statuspage/statuspage-export.js'
import { mapStatuspage } from './statuspage/map-statuspage.js'

/** Where an import reads from: an export (JSON already parsed, or a database file's bytes) or an API. */
export interface ImportInput {
  file?: unknown
  database?: Uint8Array
  api?: { key?: string; pageId?: string; url?: string }
}

/** What was read, as the source had it (saved with --save, so a later run can use the file). */
export interface LoadedSource {
  plan: ImportPlan
  raw: unknown
}

const need = (value: string | undefined, path: string, message: string) => {
  if (!value) throw invalid('Say where to import from', [{ path, message }])
  return value
}

async function loadStatuspage(input: ImportInput, onFetch?: FetchProgress): Promise<LoadedSource> {
  const raw =
    input.file !== undefined
      ? parseSource(statuspageExport, input.file, 'The Statuspage export')
      : await fetchStatuspage(
          {
            apiKey: need(input.api?.key, 'api.key', 'the page API key (or an export file)'),
            pageId: need(input.api?.pageId, 'api.page_id', 'the page id'),
            ...(input.api?.url ? { baseUrl: input.api.url } : {}),
          },
          onFetch,
        )
  return { plan: mapStatuspage(raw), raw }
}

async function loadPagerduty(input: ImportInput, now: Date, onFetch?: FetchProgress): Promise<LoadedSource> {
  const raw =
    input.file !== undefined
      ? parseSource(pagerdutyExport, input.file, 'The PagerDuty export')
      : await fetchPagerduty(
          {
            token: need(input.api?.key, 'api.key', 'a REST API key (or an export file)'),
            ...(input.api?.url ? { baseUrl: input.api.url } : {}),
            now,
          },
          onFetch,
        )
  return { plan: mapPagerduty(raw), raw }
}

async function loadOpsgenie(input: ImportInput, onFetch?: FetchProgress): Promise<LoadedSource> {
  const raw =
    input.file !== undefined
      ? parseSource(opsgenieExport, input.file, 'The Opsgenie export')
      : await fetchOpsgenie(
          {
            apiKey: need(input.api?.key, 'api.key', 'an API key (or an export file)'),
            ...(input.api?.url ? { baseUrl: input.api.url } : {}),
          },
          onFetch,
        )
  return { plan: mapOpsgenie(raw), raw }
}

async function loadCachet(input: ImportInput, onFetch?: FetchProgress): Promise<LoadedSource> {
  const raw = input.database
    ? await readCachetDb(input.database)
    : input.file !== undefined
      ? parseSource(cachetExport, input.file, 'The Cachet export')
      : await fetchCachet(
          {
            url: need(input.api?.url, 'api.url', "the Cachet site's address (or its database)"),
            ...(input.api?.key ? { token: input.api.key } : {}),
          },
          onFetch,
        )
  const plan = mapCachet(raw)
  if (!input.database && input.file === undefined && !input.api?.key)
    plan.skipped.push({ item: 'subscribers', reason: "Cachet's API lists them only with an API token (--token)" })
  return { plan, raw }
}

/** Reads a source into a plan; network reads happen here, before any transaction opens. */
export async function loadImport(
  source: ImportSource,
  input: ImportInput,
  onFetch?: FetchProgress,
  now = new Date(),
): Promise<LoadedSource> {
  switch (source) {
    case 'statuspage':
      return loadStatuspage(input, onFetch)
    case 'pagerduty':
      return loadPagerduty(input, now, onFetch)
    case 'opsgenie':
      return loadOpsgenie(input, onFetch)
    case 'uptime-kuma': {
      if (!input.database) throw invalid('Name the Uptime Kuma database', [{ path: 'database', message: 'kuma.db' }])
      const raw = await readKumaDb(input.database)
      return { plan: mapUptimeKuma(raw, now), raw }
    }
    case 'cachet':
      return loadCachet(input, onFetch)
  }
}

import { z } from 'zod'
import { alertStatuses } from '../../domain/alert/alert-state.js'
import type { AlertRow } from '../../store/alerts-store.js'
import { requirePermission } from '../authorize.js'
import { dateTimeSchema, idSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'

export const listAlertsQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(alertStatuses)))
    .optional(),
  integration_id: idSchema.optional(),
  incident_id: idSchema.optional(),
  before: dateTimeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
})

/** The raw payload stays out of lists; one alert's events carry it. */
export function alertView(row: AlertRow) {
  const { org_id: _org, last_payload: _payload, state_change_times: _times, version: _version, ...rest } = row
  return rest
}

export async function listAlerts(deps: AppDeps, ctx: AppContext, rawQuery: unknown) {
  requirePermission(ctx, 'alert.read')
  const q = parseInput(listAlertsQuery, rawQuery)
  const rows = await deps.store.forOrg(ctx.orgId).alerts.list({
    status: q.status,
    integrationId: q.integration_id,
    incidentId: q.incident_id,
    before: q.before,
    limit: q.limit,
  })
  return rows.map(alertView)
}

type IncidentRef = { id: string; title: string; status: string; severity: number; page_id: string | null }

const asText = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null)
const asStrings = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {}

/** Annotations, runbook and links, read from what the tool sent (Alertmanager's names, or generic ones). */
export function alertContext(row: Pick<AlertRow, 'details'>) {
  const details = row.details ?? {}
  const annotations = asStrings(details.annotations)
  const runbook = asText(annotations.runbook_url) ?? asText(annotations.runbook) ?? asText(details.runbook_url) ?? null
  const links: { href: string; text: string }[] = []
  const add = (href: unknown, text: string) => {
    const url = asText(href)
    if (url && /^https?:\/\//i.test(url) && !links.some((l) => l.href === url)) links.push({ href: url, text })
  }
  add(details.generatorURL, 'Source')
  add(details.externalURL, 'Alertmanager')
  add(annotations.dashboard_url ?? annotations.dashboard, 'Dashboard')
  if (Array.isArray(details.links))
    for (const l of details.links) if (l && typeof l === 'object') add(l.href, asText(l.text) ?? 'Link')
  return { annotations, runbook_url: runbook, links }
}

/** One alert as the console shows it: its labels, annotations, runbook and links, and its incident. */
export function alertDetailView(row: AlertRow, incident: IncidentRef | null) {
  return { ...alertView(row), ...alertContext(row), incident }
}

export async function getAlert(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'alert.read')
  const store = deps.store.forOrg(ctx.orgId)
  const row = await store.alerts.get(id)
  if (!row) throw notFound('Alert')
  const events = await store.alerts.listEvents(id, 100)
  const incident = row.incident_id ? await store.incidents.get(row.incident_id) : undefined
  return {
    ...alertDetailView(row, incident ? incidentRef(incident) : null),
    last_payload: row.last_payload,
    events: events.map(({ org_id: _org, ...e }) => e),
  }
}

export function incidentRef(row: IncidentRef): IncidentRef {
  return { id: row.id, title: row.title, status: row.status, severity: row.severity, page_id: row.page_id }
}

/** The alerts attached to an incident, most recently seen first, with their context. */
export async function listIncidentAlerts(deps: AppDeps, ctx: AppContext, incidentId: string) {
  requirePermission(ctx, 'alert.read')
  const store = deps.store.forOrg(ctx.orgId)
  if (!(await store.incidents.get(incidentId))) throw notFound('Incident')
  const rows = await store.alerts.list({ incidentId, limit: 200 })
  return rows.map((row) => ({ ...alertView(row), ...alertContext(row) }))
}

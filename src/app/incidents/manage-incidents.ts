import { z } from 'zod'
import { incidentStatuses } from '../../domain/incident/incident-status.js'
import { defaultSeverityScale, severityByLevel } from '../../domain/incident/severity.js'
import { requirePermission } from '../authorize.js'
import { idSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { changeSeverity } from '../process/transition-incident.js'
import { communicationFacts, editUpdateInput, updateIncidentInput } from './incident-input.js'
import { loadIncidents } from './incident-view.js'

export const listIncidentsQuery = z
  .object({
    page_id: idSchema.optional(),
    status: z
      .string()
      .transform((s) => s.split(','))
      .pipe(z.array(z.enum(incidentStatuses)))
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict()

export async function listIncidents(deps: AppDeps, ctx: AppContext, rawQuery: unknown) {
  requirePermission(ctx, 'page.read')
  const query = parseInput(listIncidentsQuery, rawQuery)
  const store = deps.store.forOrg(ctx.orgId)
  return loadIncidents(
    store,
    await store.incidents.list({ pageId: query.page_id, status: query.status, limit: query.limit }),
  )
}

export async function getIncident(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'page.read')
  const store = deps.store.forOrg(ctx.orgId)
  const row = await store.incidents.get(id)
  if (!row) throw notFound('Incident')
  return (await loadIncidents(store, [row]))[0]!
}

export async function updateIncident(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'incident.update')
  const input = parseInput(updateIncidentInput, raw)
  if (input.severity !== undefined && !severityByLevel(defaultSeverityScale, input.severity)) {
    throw invalid('The request is invalid', [{ path: 'severity', message: `no severity level ${input.severity}` }])
  }
  const current = await deps.store.forOrg(ctx.orgId).incidents.get(id)
  if (!current) throw notFound('Incident')
  // A new severity is a process event (stakeholders, cadence, marketing freeze), not just a field.
  if (input.severity !== undefined && input.severity !== current.severity)
    await changeSeverity(deps, ctx, id, { level: input.severity })
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    if (input.page_id && !(await tx.pages.get(input.page_id))) {
      throw invalid('The request is invalid', [{ path: 'page_id', message: 'no such status page' }])
    }
    const row = await tx.incidents.update(
      id,
      {
        title: input.title,
        pageId: input.page_id,
        // null gives the choice back to the components; the stored value stays for the console.
        impact: input.impact ?? undefined,
        impactChosen: input.impact === undefined ? undefined : input.impact !== null,
        type: input.type,
        startedAt: input.started_at,
        ...communicationFacts(input),
      },
      ctx.now,
    )
    if (!row) throw notFound('Incident')
    return (await loadIncidents(tx, [row]))[0]!
  })
  deps.events.emit('incident.changed', { orgId: ctx.orgId, incidentId: id, pageId: view.page_id, kind: 'edited' })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: view.page_id })
  if (current.page_id && current.page_id !== view.page_id)
    deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: current.page_id })
  return view
}

export async function deleteIncident(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'incident.delete')
  const row = await deps.store.transaction(ctx.orgId, async (tx) => {
    const current = await tx.incidents.get(id)
    return current && (await tx.incidents.remove(id)) ? current : null
  })
  if (!row) throw notFound('Incident')
  deps.events.emit('incident.changed', { orgId: ctx.orgId, incidentId: id, pageId: row.page_id, kind: 'deleted' })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: row.page_id })
}

export async function listIncidentUpdates(deps: AppDeps, ctx: AppContext, incidentId: string) {
  return (await getIncident(deps, ctx, incidentId)).updates
}

/** Corrects a typo in a published text; the status it recorded stays as it was. */
export async function editIncidentUpdate(
  deps: AppDeps,
  ctx: AppContext,
  incidentId: string,
  updateId: string,
  raw: unknown,
) {
  requirePermission(ctx, 'incident.publish')
  const input = parseInput(editUpdateInput, raw)
  const row = await deps.store.transaction(ctx.orgId, (tx) =>
    tx.incidents.editUpdate(incidentId, updateId, { body: input.body, bodyTechnical: input.body_technical }, ctx.now),
  )
  if (!row) throw notFound('Incident update')
  const incident = await deps.store.forOrg(ctx.orgId).incidents.get(incidentId)
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: incident?.page_id ?? null })
  return row
}

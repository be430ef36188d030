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

export async function getAlert(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'alert.read')
  const store = deps.store.forOrg(ctx.orgId)
  const row = await store.alerts.get(id)
  if (!row) throw notFound('Alert')
  const events = await store.alerts.listEvents(id, 100)
  return {
    ...alertView(row),
    last_payload: row.last_payload,
    events: events.map(({ org_id: _org, ...e }) => e),
  }
}

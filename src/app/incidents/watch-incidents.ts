import { notFound } from '../../domain/app-error.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'

/** Who may follow an organisation's incidents live: anyone who may read them. */
export function checkWatchIncidents(ctx: AppContext): void {
  requirePermission(ctx, 'incident.read')
}

/** Before a live stream of one incident opens: it exists in this organisation (one read, no transaction). */
export async function checkWatchIncident(deps: AppDeps, ctx: AppContext, incidentId: string): Promise<void> {
  requirePermission(ctx, 'incident.read')
  if (!(await deps.store.forOrg(ctx.orgId).incidents.get(incidentId))) throw notFound('Incident')
}

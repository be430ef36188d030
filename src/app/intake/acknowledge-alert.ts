import { conflict, notFound } from '../../domain/app-error.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { alertDetailView } from './list-alerts.js'

/**
 * Someone has the alert in hand: it stops paging (on-call hears of it, as when its source
 * acknowledges it), in one transaction. Acknowledging it again changes nothing.
 */
export async function acknowledgeAlert(deps: AppDeps, ctx: AppContext, alertId: string) {
  requirePermission(ctx, 'alert.acknowledge')
  const { row, changed } = await deps.store.transaction(ctx.orgId, async (tx, raw) => {
    const current = await tx.alerts.getForRouting(alertId)
    if (!current) throw notFound('Alert')
    if (current.status === 'resolved')
      throw conflict('A resolved alert cannot be acknowledged', [{ path: 'status', message: 'the alert is resolved' }])
    if (current.status === 'acknowledged') return { row: current, changed: false }
    const acknowledged = (await tx.alerts.acknowledge(alertId, ctx.now, ctx.actor.name))!
    for (const hook of deps.hooks.alertStatusChanged) await hook(raw, ctx, { alertId, status: 'acknowledged' })
    return { row: acknowledged, changed: true }
  })
  if (changed) {
    deps.events.emit('alert.changed', { orgId: ctx.orgId, alertIds: [alertId], kind: 'acknowledged' })
    if (row.incident_id)
      deps.events.emit('incident.changed', {
        orgId: ctx.orgId,
        incidentId: row.incident_id,
        pageId: null,
        kind: 'alert_acknowledged',
      })
  }
  return alertDetailView(row, null)
}

import { firingForVerdict } from '../../domain/alert/firing-for.js'
import { routeAlert } from '../../domain/alert/route-alert.js'
import type { RoutingTimerRow } from '../../store/routing-timers-store.js'
import type { Executor } from '../../store/schema/index.js'
import { orgStore } from '../../store/store.js'
import { systemContext, type AppDeps } from '../context.js'
import { ruleFromRow } from './manage-routing-rules.js'
import { openOrJoinIncident } from './open-or-join-incident.js'
import { routableFrom } from './routable-alert.js'

/**
 * A "firing for N minutes" timer whose time has come, in the caller's transaction (which holds
 * the timer and its alert): the alert is routed again with the rules as they are now, and the
 * incident opens (or the alert joins the rule's open one) only if the same firing is still going.
 */
export async function actOnRoutingTimer(
  deps: AppDeps,
  raw: Executor,
  timer: RoutingTimerRow,
  now: Date,
): Promise<{ opened: { id: string; pageId: string | null } | null }> {
  const tx = orgStore(raw, timer.org_id)
  const alert = await tx.alerts.getForRouting(timer.alert_id)
  if (!alert) return { opened: null }
  const rules = (await tx.routingRules.list()).map(ruleFromRow)
  const request = routeAlert(routableFrom(alert, alert.kind), rules).openIncident
  const verdict = firingForVerdict(
    { ruleId: timer.rule_id, fireCount: timer.fire_count, firingSinceAt: timer.firing_since_at },
    { isResolved: alert.status === 'resolved', fireCount: alert.fire_count },
    request,
    now,
  )
  if (verdict.kind === 'wait') {
    await tx.routingTimers.reschedule(alert.id, verdict.dueAt)
    return { opened: null }
  }
  await tx.routingTimers.remove(alert.id)
  const { kind, routing, last_payload: _payload, version: _version, ...row } = alert
  if (verdict.kind === 'drop' || !request) {
    // The alert's record says why nothing opened, unless routing has since decided something else for it.
    const waited = routing.incident as { rule_id?: unknown; waiting?: unknown } | undefined
    if (waited?.rule_id === timer.rule_id && waited.waiting !== undefined) {
      const dropped = { ...waited, dropped: verdict.kind === 'drop' ? verdict.reason : 'rule_changed' }
      await tx.alerts.setRouting(alert.id, {
        disposition: alert.disposition,
        routing: { ...routing, incident: dropped },
      })
    }
    return { opened: null }
  }
  const ctx = systemContext(timer.org_id, now, 'routing timers')
  const outcome = await openOrJoinIncident(deps, ctx, tx, raw, {
    alert: row,
    kind,
    request,
    rules,
    now,
    firingSinceAt: timer.firing_since_at,
  })
  await tx.alerts.setRouting(alert.id, {
    disposition: alert.disposition,
    routing: { ...routing, incident: { ...outcome.record, fired_for_minutes: request.firingFor?.minutes } },
    incidentId: outcome.incidentId ?? alert.incident_id,
  })
  return { opened: outcome.opened }
}

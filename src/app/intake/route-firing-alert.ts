import { firingForDueAt } from '../../domain/alert/firing-for.js'
import { routeAlert, type IncidentRequest } from '../../domain/alert/route-alert.js'
import type { RoutingRule } from '../../domain/alert/routing-rule.js'
import type { AlertStateRow } from '../../store/alerts-store.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import type { AppContext, AppDeps } from '../context.js'
import { sourceGroupKey } from './alert-group.js'
import { openOrJoinIncident, type IncidentOutcome } from './open-or-join-incident.js'
import { requestPages } from './request-pages.js'
import { routableFrom } from './routable-alert.js'

interface Routed {
  incidentId: string | null
  opened: { id: string; pageId: string | null } | null
}

/**
 * A new firing (or an escalation) meets the routing rules: ignore or record it, ask for pages
 * (once per Alertmanager group), and open a triage incident — or join the one the same rule
 * already opened for its group, or wait until it has been firing long enough.
 */
export async function routeFiringAlert(
  deps: AppDeps,
  ctx: AppContext,
  tx: OrgStore,
  rawTx: Executor,
  input: { alert: AlertStateRow; kind: string; rules: readonly RoutingRule[]; now: Date },
): Promise<Routed> {
  const { alert, now } = input
  const decision = routeAlert(routableFrom(alert, input.kind), input.rules)
  // Most alerts match no rule: they stay recorded, and cost no write here.
  if (decision.matchedRuleIds.length === 0) return { incidentId: alert.incident_id, opened: null }
  const routing: Record<string, unknown> = { matched_rule_ids: decision.matchedRuleIds, routed_at: now.toISOString() }
  let incidentId: string | null = alert.incident_id
  let opened: Routed['opened'] = null

  const request = decision.openIncident
  if (request) {
    const outcome = request.firingFor
      ? await waitForFiringFor(tx, alert, request, now)
      : await openOrJoinIncident(deps, ctx, tx, rawTx, { ...input, request })
    routing.incident = outcome.record
    incidentId = outcome.incidentId ?? incidentId
    opened = outcome.opened
  }
  if (decision.escalationPolicyIds.length > 0) {
    routing.pages = await requestPages(deps, ctx, rawTx, {
      policyIds: decision.escalationPolicyIds,
      alert,
      incidentId,
      groupKey: sourceGroupKey(alert, input.kind),
    })
  }
  await tx.alerts.setRouting(alert.id, { disposition: decision.disposition, routing, incidentId })
  return { incidentId, opened }
}

/** The incident waits until the alert has fired for longer than N minutes: a due time for the timer job. */
async function waitForFiringFor(
  tx: OrgStore,
  alert: AlertStateRow,
  request: IncidentRequest,
  now: Date,
): Promise<IncidentOutcome> {
  const firingFor = request.firingFor!
  const dueAt = await tx.routingTimers.schedule({
    alertId: alert.id,
    ruleId: request.ruleId,
    fireCount: alert.fire_count,
    firingSinceAt: now,
    dueAt: firingForDueAt(firingFor, now),
  })
  const record = dueAt
    ? { rule_id: request.ruleId, waiting: { firing_for_minutes: firingFor.minutes, due_at: dueAt.toISOString() } }
    : { rule_id: request.ruleId, skipped: 'rule deleted' }
  return { incidentId: null, opened: null, record }
}

import type { IntakeKind } from '../../domain/alert/alert-event.js'
import type { AlertSeverity } from '../../domain/alert/alert-severity.js'
import { evaluateThreshold, thresholdGroupKey } from '../../domain/alert/alert-threshold.js'
import { routeAlert, ruleMatches, type IncidentSuggestion } from '../../domain/alert/route-alert.js'
import type { RoutableAlert, RoutingRule } from '../../domain/alert/routing-rule.js'
import { defaultSeverityScale, severityByLevel } from '../../domain/incident/severity.js'
import type { AlertStateRow } from '../../store/alerts-store.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import type { AppContext, AppDeps } from '../context.js'

const MAX_THRESHOLD_SAMPLES = 10_000
const MAX_TITLE_LENGTH = 200

export function routableFrom(
  row: Pick<AlertStateRow, 'summary' | 'severity' | 'source' | 'dedup_key' | 'integration_id' | 'labels'>,
  kind: string,
): RoutableAlert {
  return {
    summary: row.summary,
    severity: row.severity as AlertSeverity,
    source: row.source,
    dedupKey: row.dedup_key,
    kind: kind as IntakeKind,
    integrationId: row.integration_id,
    labels: row.labels,
  }
}

interface Routed {
  incidentId: string | null
  openedIncidentId: string | null
}

/**
 * A new firing (or an escalation) meets the routing rules: ignore or record it, ask for pages,
 * and open a triage incident — or join the one the same rule already opened for its group.
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
  if (decision.matchedRuleIds.length === 0) return { incidentId: alert.incident_id, openedIncidentId: null }
  const routing: Record<string, unknown> = { matched_rule_ids: decision.matchedRuleIds, routed_at: now.toISOString() }
  let incidentId: string | null = alert.incident_id
  let openedIncidentId: string | null = null

  if (decision.openIncident) {
    const outcome = await openOrJoinIncident(tx, alert, decision.openIncident, input, now)
    routing.incident = outcome.record
    incidentId = outcome.incidentId ?? incidentId
    openedIncidentId = outcome.opened ? outcome.incidentId : null
  }
  if (decision.escalationPolicyIds.length > 0) {
    // Without an on-call module to page, the request stays on the alert for people to act on.
    const pages: Record<string, unknown>[] = []
    for (const escalationPolicyId of decision.escalationPolicyIds) {
      const answers = []
      for (const hook of deps.hooks.alertPageRequested)
        answers.push(await hook(rawTx, ctx, { escalationPolicyId, alert, incidentId }))
      const pageId = answers.find((a): a is string => typeof a === 'string')
      const status =
        deps.hooks.alertPageRequested.length === 0
          ? 'not_delivered_no_oncall'
          : pageId
            ? 'paged'
            : answers.includes(null)
              ? 'not_paged'
              : 'requested'
      pages.push({ escalation_policy_id: escalationPolicyId, status, ...(pageId ? { page_id: pageId } : {}) })
    }
    routing.pages = pages
  }
  await tx.alerts.setRouting(alert.id, { disposition: decision.disposition, routing, incidentId })
  return { incidentId, openedIncidentId }
}

async function openOrJoinIncident(
  tx: OrgStore,
  alert: AlertStateRow,
  suggestion: IncidentSuggestion,
  input: { kind: string; rules: readonly RoutingRule[] },
  now: Date,
): Promise<{ incidentId: string | null; opened: boolean; record: Record<string, unknown> }> {
  const threshold = suggestion.threshold
  const groupKey = threshold ? thresholdGroupKey(threshold, alert.labels) : '*'
  // A rule deleted since this node cached the rules opens nothing.
  if (!(await tx.routingRules.lock(suggestion.ruleId)))
    return { incidentId: null, opened: false, record: { rule_id: suggestion.ruleId, skipped: 'rule deleted' } }
  const existing = await tx.routingRules.findOpenIncident(suggestion.ruleId, groupKey)
  if (existing) {
    await tx.alerts.attachIncident([alert.id], existing.id)
    return { incidentId: existing.id, opened: false, record: { rule_id: suggestion.ruleId, joined: existing.id } }
  }
  let members = [alert.id]
  let title = alert.summary
  const record: Record<string, unknown> = { rule_id: suggestion.ruleId, severity: suggestion.severity }
  if (threshold) {
    const rule = input.rules.find((r) => r.id === suggestion.ruleId)!
    const since = new Date(now.getTime() - threshold.windowMinutes * 60_000)
    const recent = (await tx.alerts.firedSince(since, MAX_THRESHOLD_SAMPLES)).filter(
      (r) => r.id !== alert.id && ruleMatches(routableFrom(r, r.kind), rule),
    )
    const sample = (r: Pick<AlertStateRow, 'dedup_key' | 'last_fired_at' | 'labels' | 'integration_id'>) => ({
      dedupKey: `${r.integration_id}/${r.dedup_key}`,
      at: r.last_fired_at,
      labels: r.labels,
    })
    const result = evaluateThreshold(threshold, sample(alert), recent.map(sample), now)
    Object.assign(record, {
      threshold: {
        count: result.count,
        min_alerts: threshold.minAlerts,
        window_minutes: threshold.windowMinutes,
        group: result.groupKey,
      },
    })
    if (!result.isReached) return { incidentId: null, opened: false, record }
    const inGroup = recent.filter(
      (r) => thresholdGroupKey(threshold, r.labels) === result.groupKey && r.incident_id === null,
    )
    members = [alert.id, ...inGroup.map((r) => r.id)]
    title = `${result.count} alerts in ${threshold.windowMinutes} min${groupKey === '*' ? '' : ` (${groupKey})`}: ${alert.summary}`
  }
  const level = severityByLevel(defaultSeverityScale, suggestion.severity) ?? defaultSeverityScale[2]!
  const incident = await tx.incidents.create({
    title: title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title,
    status: 'triage',
    severity: level.level,
    impact: level.impact,
    startedAt: alert.first_seen_at < now ? alert.first_seen_at : now,
    createdBy: `alert rule ${suggestion.ruleId}`,
  })
  await tx.routingRules.linkIncident(suggestion.ruleId, groupKey, incident.id, now)
  await tx.alerts.attachIncident(members, incident.id)
  return { incidentId: incident.id, opened: true, record: { ...record, opened: incident.id } }
}

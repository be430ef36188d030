import { evaluateThreshold, thresholdGroupKey } from '../../domain/alert/alert-threshold.js'
import { suggestIncident } from '../../domain/alert/incident-suggestion.js'
import { routeAlert, type IncidentRequest } from '../../domain/alert/route-alert.js'
import type { RoutingRule } from '../../domain/alert/routing-rule.js'
import type { AlertStateRow } from '../../store/alerts-store.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import type { AppContext, AppDeps } from '../context.js'
import type { AttachedAlert } from '../../domain/process/open-incident.js'
import { entry } from '../../domain/process/timeline.js'
import { loadPolicy } from '../process/load-policy.js'
import { incidentGroupKey } from './alert-group.js'
import { openIncidentFromRule } from './open-incident-from-rule.js'
import { requestPages } from './request-pages.js'
import { routableFrom } from './routable-alert.js'

const MAX_THRESHOLD_SAMPLES = 10_000

export interface IncidentOutcome {
  incidentId: string | null
  opened: { id: string; pageId: string | null } | null
  /** Kept on the alert's routing record: what the rule did and why. */
  record: Record<string, unknown>
}

export interface OpenOrJoinInput {
  alert: AlertStateRow
  kind: string
  request: IncidentRequest
  /** The rules as routing read them: threshold counting re-routes recent alerts with them. */
  rules: readonly RoutingRule[]
  now: Date
  /** When the firing began, if known better than the alert's first sighting (the firing-for timer knows). */
  firingSinceAt?: Date
}

/**
 * Joins the incident the rule already has open for the alert's group, or opens one when the
 * rule's trigger holds (at once, or once a threshold is reached; the firing-for timer calls this
 * when its time has come). Runs in the caller's transaction.
 */
export async function openOrJoinIncident(
  deps: AppDeps,
  ctx: AppContext,
  tx: OrgStore,
  rawTx: Executor,
  input: OpenOrJoinInput,
): Promise<IncidentOutcome> {
  const { alert, request, now } = input
  const ruleId = request.ruleId
  const groupKey = incidentGroupKey(request, alert, input.kind)
  // Serialises opening per rule; a rule deleted since this node cached the rules opens nothing.
  if (!(await tx.routingRules.lock(ruleId)))
    return { incidentId: null, opened: null, record: { rule_id: ruleId, skipped: 'rule deleted' } }
  const existing = await tx.routingRules.findOpenIncident(ruleId, groupKey)
  if (existing) {
    await tx.alerts.attachIncident([alert.id], existing.id)
    // The incident's timeline says which alerts joined it (an append: no lock on the incident needed).
    await tx.process.timeline.append(existing.id, [
      entry({ type: 'alert_attached', ...attachedAlert(alert) }, now, ctx.actor),
    ])
    return { incidentId: existing.id, opened: null, record: { rule_id: ruleId, joined: existing.id } }
  }
  let alertIds = [alert.id]
  let attached: AttachedAlert[] = [attachedAlert(alert)]
  let title = alert.summary
  const record: Record<string, unknown> = { rule_id: ruleId, severity: request.severity }
  const threshold = request.threshold
  if (threshold) {
    const since = new Date(now.getTime() - threshold.windowMinutes * 60_000)
    // Only alerts this rule decides count and join: one that matches its conditions but that an
    // earlier rule took (ignored, recorded, or sent to its own incident) is not this rule's.
    const recent = (await tx.alerts.firedSince(since, MAX_THRESHOLD_SAMPLES)).filter(
      (r) => r.id !== alert.id && routeAlert(routableFrom(r, r.kind), input.rules).openIncident?.ruleId === ruleId,
    )
    const sample = (r: Pick<AlertStateRow, 'dedup_key' | 'last_fired_at' | 'labels' | 'integration_id'>) => ({
      dedupKey: `${r.integration_id}/${r.dedup_key}`,
      at: r.last_fired_at,
      labels: r.labels,
    })
    const result = evaluateThreshold(threshold, sample(alert), recent.map(sample), now)
    record.threshold = {
      count: result.count,
      min_alerts: threshold.minAlerts,
      window_minutes: threshold.windowMinutes,
      group: result.groupKey,
    }
    if (!result.isReached) return { incidentId: null, opened: null, record }
    const inGroup = recent.filter(
      (r) => thresholdGroupKey(threshold, r.labels) === result.groupKey && r.incident_id === null,
    )
    alertIds = [alert.id, ...inGroup.map((r) => r.id)]
    attached = [attachedAlert(alert), ...inGroup.map(attachedAlert)]
    const group = groupKey === '*' ? '' : ` (${groupKey})`
    title = `${result.count} alerts in ${threshold.windowMinutes} min${group}: ${alert.summary}`
  } else if (request.firingFor) {
    title = `Firing for more than ${request.firingFor.minutes} min: ${alert.summary}`
  }

  const policy = await loadPolicy(tx)
  const hasPage = request.pageId !== null && (await tx.pages.get(request.pageId)) !== undefined
  const { suggestion, fallbacks } = suggestIncident(
    request,
    { groupKey, title, alertIds, startedAt: startedAt(input) },
    {
      severityLevels: policy.severityScale.map((s) => s.level),
      crisisTypes: policy.crisisTypes.map((t) => t.key),
      playbooks: policy.playbooks.map((p) => p.key),
      hasPage,
    },
  )
  const opened = await openIncidentFromRule(deps, ctx, tx, rawTx, policy, suggestion, attached)
  Object.assign(record, { opened: opened.id, severity: suggestion.severity })
  if (fallbacks.length > 0) record.fell_back = fallbacks
  if (suggestion.escalationPolicyIds.length > 0) {
    record.pages = await requestPages(deps, ctx, rawTx, {
      policyIds: suggestion.escalationPolicyIds,
      alert,
      incidentId: opened.id,
      summary: suggestion.title,
      groupKey: null,
    })
  }
  return { incidentId: opened.id, opened, record }
}

function attachedAlert(row: Pick<AlertStateRow, 'id' | 'summary' | 'source'>): AttachedAlert {
  return { alertId: row.id, summary: row.summary, ...(row.source ? { source: row.source } : {}) }
}

function startedAt({ alert, now, firingSinceAt }: OpenOrJoinInput): Date {
  const since = firingSinceAt ?? alert.first_seen_at
  return since < now ? since : now
}

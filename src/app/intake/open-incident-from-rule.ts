import type { IncidentSuggestion } from '../../domain/alert/incident-suggestion.js'
import { severityByLevel } from '../../domain/incident/severity.js'
import type { AttachedAlert } from '../../domain/process/open-incident.js'
import type { ProcessPolicy } from '../../domain/process/process-policy.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import type { AppContext, AppDeps } from '../context.js'
import { onlyPage } from '../process/default-page.js'
import { startProcess } from '../process/start-process.js'

/**
 * The one place an alert rule creates an incident: in triage, with everything the rule chose,
 * remembered as the rule's incident for the group, with the alerts that opened it attached and
 * its whole process started (timeline from those alerts, triage timers), all in the caller's
 * transaction. A rule that names no page gets the organisation's only status page, if it has one.
 */
export async function openIncidentFromRule(
  deps: AppDeps,
  ctx: AppContext,
  tx: OrgStore,
  raw: Executor,
  policy: ProcessPolicy,
  suggestion: IncidentSuggestion,
  alerts: readonly AttachedAlert[],
): Promise<{ id: string; pageId: string | null }> {
  const { pageId, notes } =
    suggestion.pageId === null
      ? await onlyPage(tx, 'the routing rule named none')
      : { pageId: suggestion.pageId, notes: [] }
  const level = severityByLevel(policy.severityScale, suggestion.severity)
  const incident = await tx.incidents.create({
    title: suggestion.title,
    status: 'triage',
    pageId,
    type: suggestion.crisisType,
    severity: suggestion.severity,
    ...(level ? { impact: level.impact } : {}),
    playbookKey: suggestion.playbookKey,
    startedAt: suggestion.startedAt,
    createdBy: `alert rule ${suggestion.ruleId}`,
  })
  await tx.routingRules.linkIncident(suggestion.ruleId, suggestion.groupKey, incident.id, ctx.now)
  await tx.alerts.attachIncident([...suggestion.alertIds], incident.id)
  await startProcess(deps, ctx, tx, raw, policy, incident, { source: 'alert', alerts, notes })
  return { id: incident.id, pageId: incident.page_id }
}

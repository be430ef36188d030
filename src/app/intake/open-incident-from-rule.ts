import type { IncidentSuggestion } from '../../domain/alert/incident-suggestion.js'
import { defaultSeverityScale, severityByLevel } from '../../domain/incident/severity.js'
import type { OrgStore } from '../../store/store.js'

/**
 * The one place an alert rule creates an incident: in triage, with everything the rule chose,
 * remembered as the rule's incident for the group, with the alerts that opened it attached.
 * The playbook is kept on the incident row; the process adopts it when it first touches the incident.
 */
export async function openIncidentFromRule(
  tx: OrgStore,
  suggestion: IncidentSuggestion,
  now: Date,
): Promise<{ id: string; pageId: string | null }> {
  const level = severityByLevel(defaultSeverityScale, suggestion.severity)
  const incident = await tx.incidents.create({
    title: suggestion.title,
    status: 'triage',
    pageId: suggestion.pageId,
    type: suggestion.crisisType,
    severity: suggestion.severity,
    ...(level ? { impact: level.impact } : {}),
    playbookKey: suggestion.playbookKey,
    startedAt: suggestion.startedAt,
    createdBy: `alert rule ${suggestion.ruleId}`,
  })
  await tx.routingRules.linkIncident(suggestion.ruleId, suggestion.groupKey, incident.id, now)
  await tx.alerts.attachIncident([...suggestion.alertIds], incident.id)
  return { id: incident.id, pageId: incident.page_id }
}

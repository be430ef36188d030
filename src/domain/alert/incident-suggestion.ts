import type { IncidentRequest } from './route-alert.js'

/**
 * Everything a routing rule chose for the incident it opens, gathered in one place, so the
 * incident is created by one call whatever opened it (at once, on a threshold, or by the
 * firing-for timer).
 */
export interface IncidentSuggestion {
  ruleId: string
  /** Alerts of one group share one incident (see incidentGroupKey in app/intake). */
  groupKey: string
  title: string
  /** The status page; null when the rule named none or the page no longer exists. */
  pageId: string | null
  crisisType: string
  /** null: the crisis type's own playbook. */
  playbookKey: string | null
  severity: number
  /** Paged once, when the incident opens. */
  escalationPolicyIds: readonly string[]
  /** The alerts that opened it: the triggering one first. */
  alertIds: readonly string[]
  startedAt: Date
}

/** What exists now: a rule saved weeks ago may name a page, type or playbook removed since. */
export interface SuggestionContext {
  severityLevels: readonly number[]
  crisisTypes: readonly string[]
  playbooks: readonly string[]
  hasPage: boolean
}

export const DEFAULT_CRISIS_TYPE = 'service_outage'
export const MAX_INCIDENT_TITLE_LENGTH = 200

export function fitTitle(title: string): string {
  return title.length > MAX_INCIDENT_TITLE_LENGTH ? `${title.slice(0, MAX_INCIDENT_TITLE_LENGTH - 1)}…` : title
}

/**
 * Turns the rule's request into the suggestion. A choice that is no longer possible falls back
 * (no page, the default crisis type, the crisis type's playbook, the middle of the scale) and
 * is named in `fallbacks`, so the alert's routing record says why.
 */
export function suggestIncident(
  request: IncidentRequest,
  found: { groupKey: string; title: string; alertIds: readonly string[]; startedAt: Date },
  context: SuggestionContext,
): { suggestion: IncidentSuggestion; fallbacks: string[] } {
  const fallbacks: string[] = []
  const pageId = request.pageId !== null && context.hasPage ? request.pageId : null
  if (request.pageId !== null && pageId === null) fallbacks.push('page_id')
  let crisisType = request.crisisType ?? DEFAULT_CRISIS_TYPE
  if (!context.crisisTypes.includes(crisisType)) {
    fallbacks.push('crisis_type')
    crisisType = DEFAULT_CRISIS_TYPE
  }
  let playbookKey = request.playbookKey
  if (playbookKey !== null && !context.playbooks.includes(playbookKey)) {
    fallbacks.push('playbook')
    playbookKey = null
  }
  const levels = context.severityLevels
  let severity = request.severity
  if (!levels.includes(severity)) {
    fallbacks.push('severity')
    severity = levels[Math.floor(levels.length / 2)] ?? severity
  }
  return {
    suggestion: {
      ruleId: request.ruleId,
      groupKey: found.groupKey,
      title: fitTitle(found.title),
      pageId,
      crisisType,
      playbookKey,
      severity,
      escalationPolicyIds: request.escalationPolicyIds,
      alertIds: found.alertIds,
      startedAt: found.startedAt,
    },
    fallbacks,
  }
}

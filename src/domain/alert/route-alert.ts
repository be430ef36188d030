import { isAtLeast } from './alert-severity.js'
import type { AlertThreshold } from './alert-threshold.js'
import type { FiringFor } from './firing-for.js'
import type { OpenIncidentAction } from './open-incident-action.js'
import { compilePattern, readField, type RoutableAlert, type RoutingRule, type RuleCondition } from './routing-rule.js'
import { chooseSeverity } from './severity-choice.js'

/**
 * ignore: drop it (the event is still kept for audit); record: keep the alert, act on
 * nothing; act: page and/or open an incident.
 */
export type Disposition = 'ignore' | 'record' | 'act'

/** What the deciding rule's open_incident action asks for this alert (see IncidentSuggestion for the whole choice). */
export interface IncidentRequest {
  ruleId: string
  /** Already read for this alert: fixed, from its labels, or suggested by its severity. */
  severity: number
  /** At most one of the two is set: the incident opens only once the threshold is reached / after N minutes. */
  threshold: AlertThreshold | null
  firingFor: FiringFor | null
  pageId: string | null
  crisisType: string | null
  playbookKey: string | null
  escalationPolicyIds: readonly string[]
}

export interface RoutingDecision {
  disposition: Disposition
  matchedRuleIds: string[]
  escalationPolicyIds: string[]
  openIncident: IncidentRequest | null
}

export function conditionHolds(alert: RoutableAlert, condition: RuleCondition): boolean {
  const value = readField(alert, condition.field)
  switch (condition.op) {
    case 'equals':
      return value === condition.value
    case 'not_equals':
      return value !== condition.value
    case 'matches':
    case 'not_matches': {
      // A pattern that no longer compiles (saved before a rule change) matches nothing.
      const isMatch = compilePattern(condition.pattern)?.test(value) ?? false
      return condition.op === 'matches' ? isMatch : !isMatch
    }
    case 'severity_at_least':
      return isAtLeast(alert.severity, condition.value)
  }
}

export function ruleMatches(alert: RoutableAlert, rule: Pick<RoutingRule, 'conditions'>): boolean {
  return rule.conditions.every((c) => conditionHolds(alert, c))
}

/**
 * Tries enabled rules by position; the first match decides, and any rule it matched with
 * `continueMatching` lets later rules add actions. Ignore wins over everything matched.
 * No rule matched: the alert is recorded only.
 */
export function routeAlert(alert: RoutableAlert, rules: readonly RoutingRule[]): RoutingDecision {
  const ordered = rules.filter((r) => r.isEnabled).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
  const decision: RoutingDecision = {
    disposition: 'record',
    matchedRuleIds: [],
    escalationPolicyIds: [],
    openIncident: null,
  }
  for (const rule of ordered) {
    if (!ruleMatches(alert, rule)) continue
    decision.matchedRuleIds.push(rule.id)
    for (const action of rule.actions) {
      if (action.type === 'ignore')
        return {
          disposition: 'ignore',
          matchedRuleIds: decision.matchedRuleIds,
          escalationPolicyIds: [],
          openIncident: null,
        }
      if (action.type === 'page' && !decision.escalationPolicyIds.includes(action.escalationPolicyId)) {
        decision.escalationPolicyIds.push(action.escalationPolicyId)
      }
      if (action.type === 'open_incident' && decision.openIncident === null)
        decision.openIncident = incidentRequest(rule.id, action, alert)
    }
    if (!rule.continueMatching) break
  }
  if (decision.escalationPolicyIds.length > 0 || decision.openIncident) decision.disposition = 'act'
  return decision
}

export function incidentRequest(ruleId: string, action: OpenIncidentAction, alert: RoutableAlert): IncidentRequest {
  return {
    ruleId,
    severity: chooseSeverity(action.severity, alert),
    threshold: action.threshold ?? null,
    // A rule saved with both (only possible by editing the database) counts the threshold.
    firingFor: action.threshold ? null : (action.firing_for ?? null),
    pageId: action.page_id ?? null,
    crisisType: action.crisis_type ?? null,
    playbookKey: action.playbook ?? null,
    escalationPolicyIds: action.escalation_policy_ids ?? [],
  }
}

import type { AlertThreshold } from './alert-threshold.js'
import { thresholdProblems } from './alert-threshold.js'
import { firingForProblems, type FiringFor } from './firing-for.js'
import { severityChoiceProblems, type SeverityChoice } from './severity-choice.js'

/**
 * Opens an incident in triage with what a responder would otherwise set by hand. Without a
 * trigger it opens at once; `threshold`: once ≥ N alerts matched within M minutes;
 * `firing_for`: once the alert has been firing for longer than N minutes. Field names are the
 * stored JSON's, as the API takes them; every field but `type` is optional, so older rules read as before.
 */
export interface OpenIncidentAction {
  type: 'open_incident'
  severity?: SeverityChoice
  threshold?: AlertThreshold
  firing_for?: FiringFor
  /** The status page the incident belongs to. */
  page_id?: string
  crisis_type?: string
  /** A playbook key; left out, the crisis type's own playbook. */
  playbook?: string
  /** Paged once when the incident opens (not again for alerts that join it). */
  escalation_policy_ids?: readonly string[]
}

/** What the organisation's process knows, for checking a rule's choices against. */
export interface IncidentChoices {
  severityLevels: readonly number[]
  crisisTypes: readonly string[]
  playbooks: readonly string[]
}

export const MAX_INCIDENT_POLICIES = 10

type Problem = { path: string; message: string }

/** Paths are relative to the action (`severity.map.critical`, `firing_for.minutes`, …). */
export function openIncidentActionProblems(action: OpenIncidentAction, known: IncidentChoices): Problem[] {
  const problems: Problem[] = []
  const under = (prefix: string, list: Problem[]) => {
    for (const p of list) problems.push({ path: p.path === '' ? prefix : `${prefix}.${p.path}`, message: p.message })
  }
  if (action.severity !== undefined) under('severity', severityChoiceProblems(action.severity, known.severityLevels))
  if (action.threshold) under('threshold', thresholdProblems(action.threshold))
  if (action.firing_for) under('firing_for', firingForProblems(action.firing_for))
  if (action.threshold && action.firing_for)
    problems.push({ path: 'firing_for', message: 'choose one trigger: threshold or firing_for, not both' })
  if (action.crisis_type !== undefined && !known.crisisTypes.includes(action.crisis_type))
    problems.push({ path: 'crisis_type', message: `one of: ${known.crisisTypes.join(', ')}` })
  if (action.playbook !== undefined && !known.playbooks.includes(action.playbook))
    problems.push({ path: 'playbook', message: `one of: ${known.playbooks.join(', ')}` })
  const policies = action.escalation_policy_ids ?? []
  if (policies.length > MAX_INCIDENT_POLICIES)
    problems.push({ path: 'escalation_policy_ids', message: `at most ${MAX_INCIDENT_POLICIES}` })
  policies.forEach((id, i) => {
    if (policies.indexOf(id) !== i) problems.push({ path: `escalation_policy_ids.${i}`, message: 'named twice' })
  })
  return problems
}

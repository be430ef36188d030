import { isOpen, isPublic, type IncidentStatus } from '../incident/incident-status.js'

/**
 * "Pause ordinary marketing posts during a crisis" (the Zendesk seed): while a declared,
 * open incident at or above the configured severity exists, promotional sends are frozen.
 * Triage is not yet a crisis and a drill must not touch marketing tools, so neither freezes.
 */
export interface FreezePolicy {
  minSeverity: number
  /** Whether an undecided triage already freezes; off by default (it may be a false alarm). */
  includeTriage: boolean
}

export const defaultFreezePolicy: FreezePolicy = { minSeverity: 4, includeTriage: false }

export interface FreezeCandidate {
  id: string
  title: string
  status: IncidentStatus
  severity: number
  isDrill: boolean
  /** When this incident started to qualify (declared at, or raised to a qualifying severity). */
  qualifyingSince: Date
}

export type FreezeState =
  | { isFrozen: false }
  | { isFrozen: true; since: Date; incidents: { id: string; title: string; severity: number; since: Date }[] }

export function qualifiesForFreeze(
  policy: FreezePolicy,
  c: Pick<FreezeCandidate, 'status' | 'severity' | 'isDrill'>,
): boolean {
  if (c.isDrill || c.severity < policy.minSeverity || !isOpen(c.status)) return false
  return c.status === 'triage' ? policy.includeTriage : c.status === 'declared' || isPublic(c.status)
}

export function marketingFreeze(policy: FreezePolicy, candidates: readonly FreezeCandidate[]): FreezeState {
  const qualifying = candidates.filter((c) => qualifiesForFreeze(policy, c))
  if (qualifying.length === 0) return { isFrozen: false }
  const incidents = qualifying
    .map((c) => ({ id: c.id, title: c.title, severity: c.severity, since: c.qualifyingSince }))
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.id.localeCompare(b.id))
  return { isFrozen: true, since: incidents[0]!.since, incidents }
}

/** Which webhook to fire when the state moves: only edges fire, so marketing hears once. */
export function freezeTransition(before: FreezeState, after: FreezeState): 'freeze' | 'unfreeze' | null {
  if (!before.isFrozen && after.isFrozen) return 'freeze'
  if (before.isFrozen && !after.isFrozen) return 'unfreeze'
  return null
}

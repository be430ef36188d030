import { canTransition, isOpen, nextStatuses, type IncidentStatus } from './incident-status.js'

export interface IncidentTimes {
  status: IncidentStatus
  declaredAt: Date | null
  identifiedAt: Date | null
  monitoringAt: Date | null
  resolvedAt: Date | null
}

export type StatusChange =
  | { ok: true; patch: Partial<IncidentTimes>; reopened: boolean }
  | { ok: false; reason: string; allowed: readonly IncidentStatus[] }

/**
 * Each milestone is stamped the first time it is reached; re-opening clears the resolution
 * so the incident counts as open again, while the earlier milestones stay as history.
 */
export function changeStatus(current: IncidentTimes, to: IncidentStatus, now: Date): StatusChange {
  if (!canTransition(current.status, to)) {
    return {
      ok: false,
      reason: `an incident cannot go from ${current.status} to ${to}`,
      allowed: nextStatuses(current.status),
    }
  }
  const patch: Partial<IncidentTimes> = { status: to }
  const reopened = !isOpen(current.status) && isOpen(to) && current.status !== 'stood_down'
  if (to !== 'triage' && to !== 'stood_down' && current.declaredAt === null) patch.declaredAt = now
  if (to === 'identified' && current.identifiedAt === null) patch.identifiedAt = now
  if (to === 'monitoring' && current.monitoringAt === null) patch.monitoringAt = now
  if (to === 'resolved' && current.status !== 'resolved') patch.resolvedAt = now
  if (reopened) patch.resolvedAt = null
  return { ok: true, patch, reopened }
}

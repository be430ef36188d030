import { hasCheckedIn, incidentRoles, type CheckIn, type IncidentRole, type RoleAssignment } from './incident-roles.js'
import type { Person } from './people.js'

/**
 * "Make sure there is an escalation path, so if someone is unavailable someone else can
 * step in": a primary who has not checked in within the window hands the role to the backup.
 */
export interface TakeoverPolicy {
  checkInWithinMinutes: number
  /** A shorter or longer window for particular roles. */
  perRoleMinutes?: Partial<Record<IncidentRole, number>>
}

export const defaultTakeoverPolicy: TakeoverPolicy = { checkInWithinMinutes: 10 }

export interface Takeover {
  role: IncidentRole
  from: Person
  to: Person
  dueAt: Date
}

function windowMs(policy: TakeoverPolicy, role: IncidentRole): number {
  return (policy.perRoleMinutes?.[role] ?? policy.checkInWithinMinutes) * 60_000
}

function pending(
  assignment: RoleAssignment,
  checkIns: readonly CheckIn[],
): assignment is RoleAssignment & { primary: Person; backup: Person } {
  return (
    assignment.primary !== null &&
    assignment.backup !== null &&
    !hasCheckedIn(checkIns, assignment.primary, assignment.role)
  )
}

export function takeoversDue(
  assignments: readonly RoleAssignment[],
  checkIns: readonly CheckIn[],
  policy: TakeoverPolicy,
  now: Date,
): Takeover[] {
  const due: Takeover[] = []
  for (const role of incidentRoles) {
    const a = assignments.find((x) => x.role === role)
    if (a === undefined || !pending(a, checkIns)) continue
    const dueAt = new Date(a.assignedAt.getTime() + windowMs(policy, role))
    if (now >= dueAt) due.push({ role, from: a.primary, to: a.backup, dueAt })
  }
  return due
}

/** When a job should look again: the earliest pending deadline, or null. */
export function nextTakeoverCheckAt(
  assignments: readonly RoleAssignment[],
  checkIns: readonly CheckIn[],
  policy: TakeoverPolicy,
): Date | null {
  let next: number | null = null
  for (const a of assignments) {
    if (!pending(a, checkIns)) continue
    const at = a.assignedAt.getTime() + windowMs(policy, a.role)
    if (next === null || at < next) next = at
  }
  return next === null ? null : new Date(next)
}

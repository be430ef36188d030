import { samePerson, type Person } from './people.js'

/**
 * The response team from the Zendesk seed. Any role may name a backup ("have a backup
 * support manager in case your primary is unavailable"); shadows are trainees who
 * follow an experienced holder and hold no role themselves.
 */
export const incidentRoles = [
  'incident_lead',
  'support_on_call_manager',
  'business_manager',
  'incident_manager',
  'communications_lead',
] as const
export type IncidentRole = (typeof incidentRoles)[number]

export const incidentRoleNames: Record<IncidentRole, string> = {
  incident_lead: 'Incident lead',
  support_on_call_manager: 'Support on-call manager',
  business_manager: 'Business / operations manager',
  incident_manager: 'Incident manager',
  communications_lead: 'Communications lead',
}

/** A check-in names the role the person works in; `responder` is anyone helping without a named role. */
export type CheckInRole = IncidentRole | 'shadow' | 'responder'

export function isIncidentRole(value: unknown): value is IncidentRole {
  return typeof value === 'string' && (incidentRoles as readonly string[]).includes(value)
}

export interface RoleAssignment {
  role: IncidentRole
  primary: Person | null
  backup: Person | null
  /** When the current primary was given the role: the backup-takeover clock starts here. */
  assignedAt: Date
}

export interface Shadow {
  person: Person
  /** The role they follow, or null for the incident as a whole. */
  shadowing: IncidentRole | null
  joinedAt: Date
}

export interface CheckIn {
  person: Person
  role: CheckInRole
  at: Date
}

export type RoleChangeReason = 'assigned' | 'handover' | 'backup_takeover' | 'released' | 'check_in_claim'

export interface RoleChange {
  role: IncidentRole
  from: Person | null
  to: Person | null
  backup: Person | null
  reason: RoleChangeReason
}

export function assignmentFor(assignments: readonly RoleAssignment[], role: IncidentRole): RoleAssignment | undefined {
  return assignments.find((a) => a.role === role)
}

/** Roles a person holds, as primary or backup. */
export function rolesOf(
  assignments: readonly RoleAssignment[],
  person: Person,
): { primary: IncidentRole[]; backup: IncidentRole[] } {
  return {
    primary: assignments.filter((a) => samePerson(a.primary, person)).map((a) => a.role),
    backup: assignments.filter((a) => samePerson(a.backup, person)).map((a) => a.role),
  }
}

/**
 * Gives a role to a person (a handover when someone held it). The backup stays unless a new
 * one is named; a person is never their own backup.
 */
export function assignRole(
  assignments: readonly RoleAssignment[],
  role: IncidentRole,
  primary: Person | null,
  backup: Person | null | undefined,
  now: Date,
  reason?: RoleChangeReason,
): { assignments: RoleAssignment[]; change: RoleChange } {
  const current = assignmentFor(assignments, role)
  let nextBackup = backup === undefined ? (current?.backup ?? null) : backup
  if (samePerson(nextBackup, primary)) nextBackup = null
  const next: RoleAssignment = { role, primary, backup: nextBackup, assignedAt: now }
  const others = assignments.filter((a) => a.role !== role)
  const from = current?.primary ?? null
  const change: RoleChange = {
    role,
    from,
    to: primary,
    backup: nextBackup,
    reason:
      reason ?? (primary === null ? 'released' : from === null || samePerson(from, primary) ? 'assigned' : 'handover'),
  }
  return { assignments: [...others, next].sort(byRoleOrder), change }
}

function byRoleOrder(a: RoleAssignment, b: RoleAssignment): number {
  return incidentRoles.indexOf(a.role) - incidentRoles.indexOf(b.role)
}

export function hasCheckedIn(checkIns: readonly CheckIn[], person: Person, role: CheckInRole): boolean {
  return checkIns.some((c) => samePerson(c.person, person) && c.role === role)
}

/** Everyone on the incident now: people who checked in, deduplicated, latest role last. */
export function responders(checkIns: readonly CheckIn[]): CheckIn[] {
  const byPerson = new Map<string, CheckIn>()
  for (const c of checkIns) byPerson.set(c.person.id, c)
  return [...byPerson.values()]
}

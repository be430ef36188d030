import { takeoversDue } from './backup-takeover.js'
import { markDrill } from './drill.js'
import {
  assignmentFor,
  assignRole,
  hasCheckedIn,
  incidentRoleNames,
  isIncidentRole,
  type IncidentRole,
} from './incident-roles.js'
import { samePerson, type Person } from './people.js'
import { reject, type ApplyResult, type ProcessCommand } from './process-commands.js'
import type { Change } from './process-change.js'

type Cmd<T extends ProcessCommand['type']> = Extract<ProcessCommand, { type: T }>

function giveRole(
  change: Change,
  role: IncidentRole,
  person: Person | null,
  backup: Person | null | undefined,
  reason?: 'backup_takeover' | 'check_in_claim',
) {
  const { assignments, change: roleChange } = assignRole(
    change.incident.roles,
    role,
    person,
    backup,
    change.ctx.now,
    reason,
  )
  change.update({ roles: assignments }).record({ type: 'role_change', ...roleChange })
  if (person !== null && !samePerson(person, change.ctx.actor)) {
    const text =
      reason === 'backup_takeover'
        ? `You are now ${incidentRoleNames[role]} on "${change.incident.title}": the primary did not check in.`
        : `You are ${incidentRoleNames[role]} on "${change.incident.title}". Check in when you join.`
    change.intend({
      kind: 'notify_person',
      person,
      role,
      reason: reason === 'backup_takeover' ? 'backup_takeover' : 'role_assigned',
      text: markDrill(change.incident.isDrill, text),
      isDrill: change.incident.isDrill,
    })
  }
}

export function assignRoleCommand(change: Change, cmd: Cmd<'assign_role'>): ApplyResult {
  if (!isIncidentRole(cmd.role))
    return reject('VALIDATION', `Unknown role ${String(cmd.role)}`, [{ path: 'role', message: 'not an incident role' }])
  if (cmd.person !== null && samePerson(cmd.person, cmd.backup)) {
    return reject('VALIDATION', 'A person cannot be their own backup', [
      { path: 'backup', message: 'choose someone else' },
    ])
  }
  const current = assignmentFor(change.incident.roles, cmd.role)
  const sameBackup =
    cmd.backup === undefined ||
    (cmd.backup === null ? current?.backup == null : samePerson(current?.backup, cmd.backup))
  const samePrimary =
    cmd.person === null ? (current?.primary ?? null) === null : samePerson(current?.primary, cmd.person)
  if (samePrimary && sameBackup) return change.done()
  giveRole(change, cmd.role, cmd.person, cmd.backup)
  return change.done()
}

/**
 * "Every member of the incident team checks in before doing anything." Checking in to a
 * vacant role claims it; a role someone else holds needs a handover instead.
 */
export function checkIn(change: Change, cmd: Cmd<'check_in'>): ApplyResult {
  const person: Person = cmd.person ?? { id: change.ctx.actor.id, name: change.ctx.actor.name }
  const { incident } = change
  if (hasCheckedIn(incident.checkIns, person, cmd.role)) return change.done()
  if (isIncidentRole(cmd.role)) {
    const a = assignmentFor(incident.roles, cmd.role)
    const holder = a?.primary ?? null
    if (holder === null) giveRole(change, cmd.role, person, undefined, 'check_in_claim')
    else if (!samePerson(holder, person) && !samePerson(a?.backup, person)) {
      return reject('CONFLICT', `${holder.name} is ${incidentRoleNames[cmd.role]}; ask for a handover`, [
        { path: 'role', message: `held by ${holder.name}` },
      ])
    }
  } else if (cmd.role === 'shadow' && !change.incident.shadows.some((s) => samePerson(s.person, person))) {
    change.update({ shadows: [...change.incident.shadows, { person, shadowing: null, joinedAt: change.ctx.now }] })
  }
  change.update({ checkIns: [...change.incident.checkIns, { person, role: cmd.role, at: change.ctx.now }] })
  return change.record({ type: 'check_in', person, role: cmd.role }).done()
}

export function addShadow(change: Change, cmd: Cmd<'add_shadow'>): ApplyResult {
  if (cmd.shadowing !== null && !isIncidentRole(cmd.shadowing)) {
    return reject('VALIDATION', `Unknown role ${String(cmd.shadowing)}`, [
      { path: 'shadowing', message: 'not an incident role' },
    ])
  }
  const shadows = change.incident.shadows.filter((s) => !samePerson(s.person, cmd.person))
  change.update({ shadows: [...shadows, { person: cmd.person, shadowing: cmd.shadowing, joinedAt: change.ctx.now }] })
  return change.record({ type: 'shadow_joined', person: cmd.person, shadowing: cmd.shadowing }).done()
}

/** The backup steps in for every primary who missed the check-in window. */
export function applyTakeovers(change: Change): void {
  const { incident, ctx } = change
  for (const t of takeoversDue(incident.roles, incident.checkIns, ctx.policy.takeover, ctx.now)) {
    giveRole(change, t.role, t.to, null, 'backup_takeover')
  }
}

import { invalid } from '../errors.js'
import { onCallForRole } from '../oncall/query-schedules.js'
import { parseInput } from '../parse-input.js'
import type { AppContext, AppDeps } from '../context.js'
import { assignRoleInput, checkInInput, roleParam, shadowInput } from './process-inputs.js'
import { runProcessCommand } from './run-process-command.js'

/** Step 2: each responder checks in, in a role; checking in to a vacant role takes it. */
export function checkIn(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(checkInInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', { type: 'check_in', role: input.role, ...(input.person ? { person: input.person } : {}) })
}

async function onCallPerson(deps: AppDeps, ctx: AppContext, scheduleId: string, path: string) {
  const userId = await onCallForRole(deps, ctx.orgId, scheduleId, ctx.now)
  const [member] = userId ? await deps.store.forOrg(ctx.orgId).oncall.people.members([userId]) : []
  if (!member) throw invalid('The request is invalid', [{ path, message: 'nobody is on call on that schedule now (or no such schedule)' }])
  return { id: member.id, name: member.name || member.email }
}

/** Assigning over a holder is a handover; `person: null` releases the role; `from_schedule` takes whoever is on call. */
export async function assignRole(deps: AppDeps, ctx: AppContext, incidentId: string, role: string, raw: unknown) {
  const parsedRole = parseInput(roleParam, role)
  const input = parseInput(assignRoleInput, raw)
  if ('from_schedule' in input) {
    const person = await onCallPerson(deps, ctx, input.from_schedule, 'from_schedule')
    const backup = input.backup_from_schedule ? await onCallPerson(deps, ctx, input.backup_from_schedule, 'backup_from_schedule') : undefined
    return runProcessCommand(deps, ctx, incidentId, 'incident.update', { type: 'assign_role', role: parsedRole, person, ...(backup ? { backup } : {}) })
  }
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'assign_role',
    role: parsedRole,
    person: input.person,
    ...(input.backup !== undefined ? { backup: input.backup } : {}),
  })
}

export function addShadow(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(shadowInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', { type: 'add_shadow', person: input.person, shadowing: input.shadowing })
}

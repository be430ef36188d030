import { applyCommand } from '../../domain/process/apply-command.js'
import type { IncidentRole } from '../../domain/process/incident-roles.js'
import type { Executor } from '../../store/schema/index.js'
import { invalid } from '../../domain/app-error.js'
import { onCallForRole } from '../oncall/query-schedules.js'
import { parseInput } from '../parse-input.js'
import type { AppContext, AppDeps } from '../context.js'
import { assignRoleInput, checkInInput, roleParam, shadowInput } from './process-inputs.js'
import {
  announce,
  commitChange,
  loadForCommand,
  runProcessCommand,
  type CommittedChange,
} from './run-process-command.js'

/** Step 2: each responder checks in, in a role; checking in to a vacant role takes it. */
export function checkIn(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(checkInInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'check_in',
    role: input.role,
    ...(input.person ? { person: input.person } : {}),
  })
}

export type LinkCheckIn =
  | { result: 'done' | 'already-checked-in' | 'already-used' | 'not-found' }
  | { result: 'refused'; message: string }

/**
 * A check-in from a signed link: the same command and timeline entry as the check-in API, with
 * the link standing in for the person's session (so no permission is asked). `spend` records the
 * link's nonce in the same transaction, and only once the check-in is accepted: a refused
 * check-in leaves the link usable, a used link changes nothing.
 */
export async function checkInFromLink(
  deps: AppDeps,
  ctx: AppContext,
  incidentId: string,
  role: IncidentRole,
  spend: (raw: Executor) => Promise<boolean>,
): Promise<LinkCheckIn> {
  const person = { id: ctx.actor.id, name: ctx.actor.name }
  const committed: { change?: CommittedChange } = {}
  const outcome = await deps.store.transaction(ctx.orgId, async (tx, raw): Promise<LinkCheckIn> => {
    const found = await loadForCommand(tx, incidentId)
    if (!found) return { result: 'not-found' }
    const result = applyCommand(
      found.current,
      { type: 'check_in', role, person },
      { now: ctx.now, actor: ctx.actor, policy: found.policy },
    )
    if (!result.ok) return { result: 'refused', message: result.rejection.message }
    if (!(await spend(raw))) return { result: 'already-used' }
    if (result.entries.length === 0) return { result: 'already-checked-in' }
    committed.change = await commitChange(deps, ctx, tx, raw, found.policy, found.previous, result)
    return { result: 'done' }
  })
  if (committed.change) announce(deps, ctx, committed.change)
  return outcome
}

async function onCallPerson(deps: AppDeps, ctx: AppContext, scheduleId: string, path: string) {
  const userId = await onCallForRole(deps, ctx.orgId, scheduleId, ctx.now)
  const [member] = userId ? await deps.store.forOrg(ctx.orgId).oncall.people.members([userId]) : []
  if (!member)
    throw invalid('The request is invalid', [
      { path, message: 'nobody is on call on that schedule now (or no such schedule)' },
    ])
  return { id: member.id, name: member.name || member.email }
}

/**
 * Assigning over a holder is a handover; `person: null` releases the role; `from_schedule` takes
 * whoever is on call.
 */
export async function assignRole(deps: AppDeps, ctx: AppContext, incidentId: string, role: string, raw: unknown) {
  const parsedRole = parseInput(roleParam, role)
  const input = parseInput(assignRoleInput, raw)
  if ('from_schedule' in input) {
    const person = await onCallPerson(deps, ctx, input.from_schedule, 'from_schedule')
    const backup = input.backup_from_schedule
      ? await onCallPerson(deps, ctx, input.backup_from_schedule, 'backup_from_schedule')
      : undefined
    return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
      type: 'assign_role',
      role: parsedRole,
      person,
      ...(backup ? { backup } : {}),
    })
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
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'add_shadow',
    person: input.person,
    shadowing: input.shadowing,
  })
}

import { followTheSun } from '../../domain/oncall/follow-the-sun.js'
import { scheduleProblems } from '../../domain/oncall/schedule-validation.js'
import type { LayerWrite } from '../../store/oncall-schedules-store.js'
import type { OncallStore } from '../../store/oncall-store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { conflict, invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { createScheduleInput, followTheSunInput, overrideInput, updateScheduleInput } from './oncall-input.js'
import {
  layerWriteFromDomain,
  layerWriteFromInput,
  loadSchedules,
  overrideView,
  scheduleView,
} from './schedule-mapping.js'

const DAY_MS = 86_400_000

/** Participants, override takers and targets must be members of this organisation. */
export async function requireMembers(store: OncallStore, userIds: readonly string[], path: string) {
  const unique = [...new Set(userIds)]
  const found = new Set((await store.people.members(unique)).map((m) => m.id))
  const missing = unique.filter((id) => !found.has(id))
  if (missing.length)
    throw invalid(
      'The request is invalid',
      missing.map((id) => ({ path, message: `${id} is not a member of this organisation` })),
    )
}

async function viewOf(store: OncallStore, id: string, now: Date) {
  const loaded = (await loadSchedules(store, [id], new Date(now.getTime() - 30 * DAY_MS))).get(id)
  if (!loaded) throw notFound('Schedule')
  return scheduleView(loaded)
}

async function writeLayers(store: OncallStore, scheduleId: string, timeZone: string, layers: LayerWrite[]) {
  const problems = scheduleProblems({
    id: scheduleId,
    timeZone,
    layers: layers.map((l, i) => ({
      id: String(i),
      participants: l.participantIds,
      shiftLength: { unit: l.shiftUnit, length: l.shiftLength },
      startAt: l.startAt,
      endAt: l.endAt,
      timeZone: l.timeZone,
      restrictions: l.restrictions,
    })),
  })
  if (problems.length) throw invalid('The request is invalid', problems)
  await requireMembers(
    store,
    layers.flatMap((l) => l.participantIds),
    'layers.participant_ids',
  )
  await store.schedules.replaceLayers(scheduleId, layers)
}

export async function listSchedules(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'oncall.read')
  const loaded = await loadSchedules(
    deps.store.forOrg(ctx.orgId).oncall,
    undefined,
    new Date(ctx.now.getTime() - 30 * DAY_MS),
  )
  return [...loaded.values()].map(scheduleView)
}

export async function getSchedule(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'oncall.read')
  return viewOf(deps.store.forOrg(ctx.orgId).oncall, id, ctx.now)
}

export async function createSchedule(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'oncall.manage')
  const input = parseInput(createScheduleInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.oncall.schedules.create({
      name: input.name,
      description: input.description,
      timeZone: input.time_zone,
    })
    await writeLayers(tx.oncall, row.id, row.time_zone, input.layers.map(layerWriteFromInput))
    return viewOf(tx.oncall, row.id, ctx.now)
  })
}

/** The shipped template: three 8-hour shifts across three regions, each region's people a week at a time. */
export async function createFollowTheSunSchedule(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'oncall.manage')
  const input = parseInput(followTheSunInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.oncall.schedules.create({
      name: input.name,
      description: 'Three 8-hour shifts across time zones (follow the sun).',
      timeZone: 'UTC',
    })
    const template = followTheSun({
      id: row.id,
      startAt: input.start_at,
      firstShiftStartUtc: input.first_shift_start_utc,
      handoffEveryDays: input.handoff_every_days,
      regions: input.regions.map((r) => ({
        name: r.name,
        timeZone: r.time_zone,
        participants: r.participant_ids,
      })) as never,
    })
    await writeLayers(tx.oncall, row.id, row.time_zone, template.layers.map(layerWriteFromDomain))
    return viewOf(tx.oncall, row.id, ctx.now)
  })
}

export async function updateSchedule(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'oncall.manage')
  const input = parseInput(updateScheduleInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.oncall.schedules.getForUpdate(id))) throw notFound('Schedule')
    const row = await tx.oncall.schedules.update(
      id,
      { name: input.name, description: input.description, timeZone: input.time_zone },
      ctx.now,
    )
    if (input.layers) await writeLayers(tx.oncall, id, row!.time_zone, input.layers.map(layerWriteFromInput))
    return viewOf(tx.oncall, id, ctx.now)
  })
}

export async function deleteSchedule(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'oncall.manage')
  await deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.oncall.schedules.getForUpdate(id))) throw notFound('Schedule')
    const policyIds = await tx.oncall.policies.policyIdsUsingSchedule(id)
    if (policyIds.length) {
      throw conflict(
        'The schedule is still paged by escalation policies; remove it from them first',
        policyIds.map((p) => ({ path: 'escalation_policy_id', message: p })),
      )
    }
    await tx.oncall.schedules.remove(id)
  })
}

export async function addOverride(deps: AppDeps, ctx: AppContext, scheduleId: string, raw: unknown) {
  requirePermission(ctx, 'oncall.manage')
  const input = parseInput(overrideInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.oncall.schedules.getForUpdate(scheduleId))) throw notFound('Schedule')
    await requireMembers(
      tx.oncall,
      [input.user_id, ...(input.replaces_user_id ? [input.replaces_user_id] : [])],
      'user_id',
    )
    const row = await tx.oncall.schedules.addOverride(scheduleId, {
      userId: input.user_id,
      replacesUserId: input.replaces_user_id ?? null,
      startAt: input.start_at,
      endAt: input.end_at,
    })
    return overrideView(row)
  })
}

export async function removeOverride(deps: AppDeps, ctx: AppContext, scheduleId: string, overrideId: string) {
  requirePermission(ctx, 'oncall.manage')
  const removed = await deps.store.transaction(ctx.orgId, (tx) =>
    tx.oncall.schedules.removeOverride(scheduleId, overrideId),
  )
  if (!removed) throw notFound('Override')
}

import { loadReport } from '../../domain/oncall/load-report.js'
import { renderSchedule } from '../../domain/oncall/render-schedule.js'
import { whoIsOnCall } from '../../domain/oncall/who-is-on-call.js'
import { nextShifts, onCallShifts } from '../../domain/oncall/schedule-queries.js'
import type { Shift } from '../../domain/oncall/schedule-types.js'
import { untrainedAloneWarnings } from '../../domain/oncall/training-warnings.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { atQuery, nextShiftsQuery, rangeQuery, readinessInput } from './oncall-input.js'
import { loadSchedules } from './schedule-mapping.js'

const DAY_MS = 86_400_000
const MAX_RANGE_DAYS = 400

function rangeOf(raw: unknown, now: Date, defaultDays = 14) {
  const q = parseInput(rangeQuery, raw ?? {})
  const from = q.from ?? now
  const to = q.to ?? new Date(from.getTime() + defaultDays * DAY_MS)
  if (to <= from) throw invalid('The request is invalid', [{ path: 'to', message: 'must be after from' }])
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw invalid('The request is invalid', [{ path: 'to', message: `at most ${MAX_RANGE_DAYS} days after from` }])
  return { from, to }
}

async function loadOne(deps: AppDeps, ctx: AppContext, id: string, overridesSince: Date) {
  const loaded = (await loadSchedules(deps.store.forOrg(ctx.orgId).oncall, [id], overridesSince)).get(id)
  if (!loaded) throw notFound('Schedule')
  return loaded
}

const shiftView = (s: Shift) => ({ user_id: s.userId, start_at: s.startAt, end_at: s.endAt })

/** Who is on call in every schedule at `at` (default now), and until when. */
export async function whoIsOnCallEverywhere(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'oncall.read')
  const at = parseInput(atQuery, raw ?? {}).at ?? ctx.now
  const loaded = await loadSchedules(deps.store.forOrg(ctx.orgId).oncall, undefined, at)
  return [...loaded.values()].map(({ row, schedule }) => {
    const onCall = whoIsOnCall(schedule, at)
    const current = onCall ? nextShifts(schedule, at, 1)[0] : undefined
    return {
      schedule_id: row.id,
      schedule_name: row.name,
      at,
      user_id: onCall?.userId ?? null,
      source: onCall?.source ?? null,
      until: current?.endAt ?? null,
    }
  })
}

export async function scheduleOnCall(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'oncall.read')
  const at = parseInput(atQuery, raw ?? {}).at ?? ctx.now
  const { schedule } = await loadOne(deps, ctx, id, at)
  const onCall = whoIsOnCall(schedule, at)
  return { schedule_id: id, at, user_id: onCall?.userId ?? null, source: onCall?.source ?? null }
}

/** The final schedule over a range as contiguous segments, nobody-gaps included. */
export async function scheduleSegments(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'oncall.read')
  const { from, to } = rangeOf(raw, ctx.now)
  const { schedule } = await loadOne(deps, ctx, id, from)
  return renderSchedule(schedule, from, to).map((s) => ({
    user_id: s.userId,
    start_at: s.startAt,
    end_at: s.endAt,
    source: s.source,
  }))
}

export async function upcomingShifts(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'oncall.read')
  const q = parseInput(nextShiftsQuery, raw ?? {})
  const at = q.at ?? ctx.now
  const { schedule } = await loadOne(deps, ctx, id, new Date(at.getTime() - 35 * DAY_MS))
  return nextShifts(schedule, at, q.count).map(shiftView)
}

/** One person's shifts across every schedule they take part in. */
export async function personShifts(deps: AppDeps, ctx: AppContext, userId: string, raw: unknown) {
  requirePermission(ctx, 'oncall.read')
  const { from, to } = rangeOf(raw, ctx.now)
  const store = deps.store.forOrg(ctx.orgId).oncall
  const loaded = await loadSchedules(store, await store.schedules.scheduleIdsOf(userId), from)
  return [...loaded.values()].flatMap(({ row, schedule }) =>
    onCallShifts(schedule, from, to)
      .filter((s) => s.userId === userId)
      .map((s) => ({ schedule_id: row.id, schedule_name: row.name, ...shiftView(s) })),
  )
}

/** The readiness view (PRODUCT.md §2): each person's load and turns, and untrained responders who would be alone. */
export async function scheduleReadiness(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'oncall.read')
  const input = parseInput(readinessInput, raw)
  if (input.to <= input.from || input.to.getTime() - input.from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw invalid('The request is invalid', [
      { path: 'to', message: `must be after from, at most ${MAX_RANGE_DAYS} days` },
    ])
  }
  const store = deps.store.forOrg(ctx.orgId).oncall
  const loaded = await loadSchedules(store, [id, ...input.companion_schedule_ids], input.from)
  const main = loaded.get(id)
  if (!main) throw notFound('Schedule')
  const companions = input.companion_schedule_ids.map((cid) => {
    const c = loaded.get(cid)
    if (!c) throw invalid('The request is invalid', [{ path: 'companion_schedule_ids', message: `no schedule ${cid}` }])
    return c.schedule
  })
  const load = loadReport(
    main.schedule,
    input.from,
    input.to,
    input.turn_break_hours ? { turnBreakHours: input.turn_break_hours } : {},
  )
  const warnings = untrainedAloneWarnings({
    schedule: main.schedule,
    role: input.role,
    trainings: input.trainings.map((t) => ({ userId: t.user_id, role: t.role, kind: t.kind, at: t.at })),
    from: input.from,
    to: input.to,
    companions,
  })
  return {
    load: load.map((p) => ({
      user_id: p.userId,
      on_call_hours: p.onCallHours,
      shift_count: p.shifts.length,
      turns: p.turns.map((t) => ({
        start_at: t.startAt,
        end_at: t.endAt,
        shift_count: t.shiftCount,
        on_call_hours: t.onCallHours,
      })),
      gaps_between_turns_hours: p.gapsBetweenTurnsHours,
      shortest_gap_between_turns_hours: p.shortestGapBetweenTurnsHours,
      shortest_rest_hours: p.shortestRestHours,
    })),
    warnings: warnings.map((w) => ({
      user_id: w.userId,
      role: w.role,
      start_at: w.startAt,
      end_at: w.endAt,
      message: w.message,
    })),
  }
}

/**
 * For the incident process: whom a schedule puts in a role slot (incident lead, support
 * on-call manager, its backup) at `at`; null when nobody is on call. No permission check:
 * the caller is a use case that has made its own.
 */
export async function onCallForRole(
  deps: Pick<AppDeps, 'store'>,
  orgId: string,
  scheduleId: string,
  at: Date,
): Promise<string | null> {
  const loaded = (await loadSchedules(deps.store.forOrg(orgId).oncall, [scheduleId], at)).get(scheduleId)
  return loaded ? (whoIsOnCall(loaded.schedule, at)?.userId ?? null) : null
}

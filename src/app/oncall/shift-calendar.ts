import ical from 'ical-generator'
import { DateTime } from 'luxon'
import { signToken, verifySignedToken } from '../../auth/signed-token.js'
import { onCallShifts } from '../../domain/oncall/schedule-queries.js'
import type { OncallStore } from '../../store/oncall-store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { notFound } from '../../domain/app-error.js'
import { loadSchedules, type LoadedSchedule } from './schedule-mapping.js'

const DAY_MS = 86_400_000
const PAST_DAYS = 30
const AHEAD_DAYS = 120
const FEED_PURPOSE = 'oncall.calendar'
/** Calendar apps keep a feed URL for years; rotating CANDOR_SECRET is how all of them are revoked. */
const FEED_TTL_MS = 10 * 365 * DAY_MS

export type FeedSubject = { kind: 'schedule' | 'user'; orgId: string; id: string }

export function calendarFeedUrl(deps: Pick<AppDeps, 'secret' | 'baseUrl'>, subject: FeedSubject, now: Date): string {
  const token = signToken(deps.secret, {
    purpose: FEED_PURPOSE,
    subject: `${subject.orgId}/${subject.kind}/${subject.id}`,
    expiresAt: new Date(now.getTime() + FEED_TTL_MS),
  })
  return `${deps.baseUrl}/oncall/calendar.ics?token=${token}`
}

export function readCalendarFeedToken(deps: Pick<AppDeps, 'secret'>, token: string, now: Date): FeedSubject | null {
  const check = verifySignedToken(deps.secret, token, { purpose: FEED_PURPOSE, now })
  if (!check.ok) return null
  const [orgId, kind, id] = check.subject.split('/')
  if (!orgId || !id || (kind !== 'schedule' && kind !== 'user')) return null
  return { orgId, kind, id }
}

/**
 * Shifts as VEVENTs in UTC (luxon DateTimes): every client reads UTC right without a
 * VTIMEZONE block, whereas a calendar-level time zone would make ical-generator write
 * floating times. The local hours, DST included, are spelled out in the description.
 */
function renderCalendar(
  name: string,
  items: { schedule: LoadedSchedule; userId: string; startAt: Date; endAt: Date }[],
  names: Map<string, string>,
  now: Date,
): string {
  const calendar = ical({ name, prodId: { company: 'Candor', product: 'on-call', language: 'EN' } })
  const utc = (at: Date) => DateTime.fromJSDate(at, { zone: 'utc' })
  for (const item of items) {
    const zone = item.schedule.row.time_zone
    const local = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL HH:mm')
    const person = names.get(item.userId) ?? item.userId
    calendar.createEvent({
      id: `${item.schedule.row.id}-${item.userId}-${item.startAt.getTime()}@candor`,
      start: utc(item.startAt),
      end: utc(item.endAt),
      stamp: utc(now),
      summary: `On call: ${person} (${item.schedule.row.name})`,
      description:
        `${person} is on call for ${item.schedule.row.name} ` +
        `from ${local(item.startAt)} to ${local(item.endAt)} (${zone}).`,
    })
  }
  return calendar.toString()
}

async function namesOf(store: OncallStore, userIds: string[]) {
  return new Map((await store.people.members(userIds)).map((m) => [m.id, m.name || m.email]))
}

export async function renderFeed(deps: AppDeps, subject: FeedSubject, now: Date): Promise<string> {
  const store = deps.store.forOrg(subject.orgId).oncall
  const from = new Date(now.getTime() - PAST_DAYS * DAY_MS)
  const to = new Date(now.getTime() + AHEAD_DAYS * DAY_MS)
  const ids = subject.kind === 'schedule' ? [subject.id] : await store.schedules.scheduleIdsOf(subject.id)
  const loaded = [...(await loadSchedules(store, ids, from)).values()]
  if (subject.kind === 'schedule' && loaded.length === 0) throw notFound('Schedule')
  const items = loaded.flatMap((schedule) =>
    onCallShifts(schedule.schedule, from, to)
      .filter((s) => subject.kind === 'schedule' || s.userId === subject.id)
      .map((s) => ({ schedule, ...s })),
  )
  const names = await namesOf(store, [...new Set(items.map((i) => i.userId))])
  const title =
    subject.kind === 'schedule'
      ? `On call: ${loaded[0]!.row.name}`
      : `On-call shifts of ${names.get(subject.id) ?? subject.id}`
  return renderCalendar(title, items, names, now)
}

export async function scheduleCalendar(deps: AppDeps, ctx: AppContext, scheduleId: string) {
  requirePermission(ctx, 'oncall.read')
  if (!(await deps.store.forOrg(ctx.orgId).oncall.schedules.get(scheduleId))) throw notFound('Schedule')
  return { url: calendarFeedUrl(deps, { kind: 'schedule', orgId: ctx.orgId, id: scheduleId }, ctx.now) }
}

export async function personCalendar(deps: AppDeps, ctx: AppContext, userId: string) {
  requirePermission(ctx, 'oncall.read')
  if ((await deps.store.forOrg(ctx.orgId).oncall.people.members([userId])).length === 0) throw notFound('Member')
  return { url: calendarFeedUrl(deps, { kind: 'user', orgId: ctx.orgId, id: userId }, ctx.now) }
}

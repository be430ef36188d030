import { type LocalClock, localClock } from './local-clock.js'

/**
 * Who PagerDuty puts on call at an instant, computed straight from a schedule's JSON by the
 * rules its API documents, without any of Candor's on-call code, so a test can hold Candor's
 * imported schedule against it:
 * - layers as GET lists them, the first the highest precedence; an override beats every layer;
 * - a layer covers [start, end); turns count from rotation_virtual_start, each
 *   rotation_turn_length_seconds long, users taken in order; turns of whole days hand off at
 *   the same local time each day (in the schedule's zone), shorter ones are elapsed time;
 * - restrictions are windows of local wall-clock time: daily ones from start_time_of_day for
 *   duration_seconds, weekly ones from start_day_of_week (1 = Monday) at that time.
 */
export interface PdLayer {
  start: string
  end: string | null
  rotation_virtual_start: string
  rotation_turn_length_seconds: number
  users: { user: { id: string } }[]
  restrictions: {
    type: 'daily_restriction' | 'weekly_restriction'
    start_time_of_day: string
    duration_seconds: number
    start_day_of_week?: number | null
  }[]
}

export interface PdSchedule {
  time_zone: string
  schedule_layers: PdLayer[]
  overrides: { start: string; end: string; user: { id: string } }[]
}

const DAY_S = 86_400
const ms = (iso: string) => Date.parse(iso)

function minutesOf(hhmmss: string): number {
  const [h, m, s] = hhmmss.split(':').map(Number)
  return h! * 60 + m! + (s ?? 0) / 60
}

function isRestrictedIn(layer: PdLayer, local: LocalClock): boolean {
  if (layer.restrictions.length === 0) return true
  const minuteOfDay = local.minuteOfDay
  const minuteOfWeek = (local.weekday - 1) * 1440 + minuteOfDay
  return layer.restrictions.some((r) => {
    const length = r.duration_seconds / 60
    if (r.type === 'daily_restriction')
      return (((minuteOfDay - minutesOf(r.start_time_of_day)) % 1440) + 1440) % 1440 < length
    const start = ((r.start_day_of_week ?? 1) - 1) * 1440 + minutesOf(r.start_time_of_day)
    return (((minuteOfWeek - start) % 10_080) + 10_080) % 10_080 < length
  })
}

function turnIndex(layer: PdLayer, at: number, zone: string): number {
  const turn = layer.rotation_turn_length_seconds
  const anchor = ms(layer.rotation_virtual_start)
  if (turn % DAY_S !== 0) return Math.floor((at - anchor) / (turn * 1000))
  const a = localClock(anchor, zone)
  const t = localClock(at, zone)
  let days = t.dayNumber - a.dayNumber
  if (t.secondOfDay < a.secondOfDay) days -= 1
  return Math.floor(days / (turn / DAY_S))
}

export function pagerdutyOnCallAt(schedule: PdSchedule, at: number): string | null {
  for (const o of schedule.overrides) if (ms(o.start) <= at && at < ms(o.end)) return o.user.id
  const local = localClock(at, schedule.time_zone)
  for (const layer of schedule.schedule_layers) {
    if (at < ms(layer.start) || (layer.end && at >= ms(layer.end))) continue
    if (layer.users.length === 0 || !isRestrictedIn(layer, local)) continue
    const k = turnIndex(layer, at, schedule.time_zone)
    const n = layer.users.length
    return layer.users[((k % n) + n) % n]!.user.id
  }
  return null
}

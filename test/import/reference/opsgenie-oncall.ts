import { type LocalClock, localClock } from './local-clock.js'

/**
 * Who Opsgenie puts on call at an instant, straight from its schedule JSON and the rules its
 * documentation gives, without any of Candor's on-call code:
 * - every rotation is on call at once: all their people are notified (cumulative);
 * - a rotation covers [startDate, endDate); turns count from startDate, `length` hours, days or
 *   weeks long, days and weeks handing off at the same local time in the schedule's zone;
 * - a time restriction limits a rotation to windows of local wall-clock time, "time-of-day"
 *   every day, "weekday-and-time-of-day" from a start day and time to an end day and time;
 * - an override for the whole schedule puts its user on call instead of everyone.
 */
export interface OgRotation {
  startDate: string
  endDate: string | null
  type: 'hourly' | 'daily' | 'weekly'
  length: number
  participants: { type: 'user'; id: string }[]
  timeRestriction:
    | { type: 'time-of-day'; restriction: { startHour: number; startMin: number; endHour: number; endMin: number } }
    | {
        type: 'weekday-and-time-of-day'
        restrictions: {
          startDay: string
          startHour: number
          startMin: number
          endDay: string
          endHour: number
          endMin: number
        }[]
      }
    | null
}

export interface OgSchedule {
  timezone: string
  rotations: OgRotation[]
  overrides: { user: { type: 'user'; id: string }; startDate: string; endDate: string }[]
}

const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
const WEEK = 7 * 1440

function isInWindow(r: OgRotation, local: LocalClock): boolean {
  const t = r.timeRestriction
  if (!t) return true
  const minute = local.minuteOfDay
  if (t.type === 'time-of-day') {
    const { startHour, startMin, endHour, endMin } = t.restriction
    const start = startHour * 60 + startMin
    const length = (endHour * 60 + endMin - start + 1440) % 1440 || 1440
    return (minute - start + 1440) % 1440 < length
  }
  const ofWeek = (local.weekday - 1) * 1440 + minute
  return t.restrictions.some((w) => {
    const start = days.indexOf(w.startDay) * 1440 + w.startHour * 60 + w.startMin
    const end = days.indexOf(w.endDay) * 1440 + w.endHour * 60 + w.endMin
    return (ofWeek - start + WEEK) % WEEK < ((end - start + WEEK) % WEEK || WEEK)
  })
}

function turnOf(r: OgRotation, at: number, zone: string): number {
  const startMs = Date.parse(r.startDate)
  if (r.type === 'hourly') return Math.floor((at - startMs) / (r.length * 3_600_000))
  const start = localClock(startMs, zone)
  const t = localClock(at, zone)
  let elapsedDays = t.dayNumber - start.dayNumber
  if (t.secondOfDay < start.secondOfDay) elapsedDays -= 1
  return Math.floor(elapsedDays / (r.length * (r.type === 'weekly' ? 7 : 1)))
}

export function opsgenieOnCallAt(schedule: OgSchedule, at: number): string[] {
  const override = schedule.overrides.find((o) => Date.parse(o.startDate) <= at && at < Date.parse(o.endDate))
  if (override) return [override.user.id]
  const local = localClock(at, schedule.timezone)
  const onCall = new Set<string>()
  for (const r of schedule.rotations) {
    if (at < Date.parse(r.startDate) || (r.endDate && at >= Date.parse(r.endDate))) continue
    if (r.participants.length === 0 || !isInWindow(r, local)) continue
    const n = r.participants.length
    const k = turnOf(r, at, schedule.timezone)
    onCall.add(r.participants[((k % n) + n) % n]!.id)
  }
  return [...onCall].sort()
}

import { renderSchedule } from './render-schedule.js'
import type { Schedule, ScheduleSegment, Shift } from './schedule-types.js'

const DAY_MS = 86_400_000

/** Segments as people see them: nobody-gaps dropped, one person's adjacent segments joined whatever their source. */
export function shiftsFromSegments(segments: readonly ScheduleSegment[]): Shift[] {
  const shifts: Shift[] = []
  for (const segment of segments) {
    if (segment.userId === null) continue
    const last = shifts[shifts.length - 1]
    if (last && last.userId === segment.userId && last.endAt.getTime() === segment.startAt.getTime()) {
      last.endAt = segment.endAt
    } else {
      shifts.push({ userId: segment.userId, startAt: segment.startAt, endAt: segment.endAt })
    }
  }
  return shifts
}

/** On-call shifts overlapping [from, to), clipped to the range. */
export function onCallShifts(schedule: Schedule, from: Date, to: Date): Shift[] {
  return shiftsFromSegments(renderSchedule(schedule, from, to))
}

/** One person's shifts overlapping [from, to). */
export function shiftsOf(schedule: Schedule, userId: string, from: Date, to: Date): Shift[] {
  return onCallShifts(schedule, from, to).filter((shift) => shift.userId === userId)
}

export interface NextShiftsOptions {
  /** How far back to look for the true start of the shift in progress. */
  lookbackDays?: number
  /** Give up looking forward after this many days. */
  horizonDays?: number
}

/**
 * The shift in progress at `at` (if any) and the ones after it, up to `count`. The window
 * grows a month at a time so a sparse schedule is still found without rendering years.
 */
export function nextShifts(schedule: Schedule, at: Date, count: number, options: NextShiftsOptions = {}): Shift[] {
  const lookbackMs = (options.lookbackDays ?? 35) * DAY_MS
  const horizonMs = (options.horizonDays ?? 400) * DAY_MS
  const atMs = at.getTime()
  let spanMs = 31 * DAY_MS
  for (;;) {
    const toMs = atMs + Math.min(spanMs, horizonMs)
    const shifts = onCallShifts(schedule, new Date(atMs - lookbackMs), new Date(toMs)).filter(
      (s) => s.endAt.getTime() > atMs,
    )
    // The last shift may be cut by the window; keep it only once the window has reached the horizon.
    const complete = shifts.filter((s) => s.endAt.getTime() < toMs)
    if (complete.length >= count) return complete.slice(0, count)
    if (spanMs >= horizonMs) return shifts.slice(0, count)
    spanMs *= 2
  }
}

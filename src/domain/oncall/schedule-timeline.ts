import { renderSchedule } from './render-schedule.js'
import type { Schedule } from './schedule-types.js'

/**
 * A schedule rendered once over a window, answering "who is on call at T" by binary
 * search. Rendering costs one pass of calendar math; each lookup after that is a few
 * comparisons, which is what a status board polling many schedules needs.
 */
export interface ScheduleTimeline {
  fromMs: number
  toMs: number
  /** Who is on call at `ms`; undefined outside the compiled window, null for nobody. */
  at(ms: number): string | null | undefined
}

export function compileTimeline(schedule: Schedule, from: Date, to: Date): ScheduleTimeline {
  const segments = renderSchedule(schedule, from, to)
  const starts = new Float64Array(segments.length)
  const userIds: (string | null)[] = new Array(segments.length)
  segments.forEach((segment, i) => {
    starts[i] = segment.startAt.getTime()
    userIds[i] = segment.userId
  })
  const fromMs = from.getTime()
  const toMs = to.getTime()
  return {
    fromMs,
    toMs,
    at(ms: number) {
      if (ms < fromMs || ms >= toMs || starts.length === 0) return undefined
      let lo = 0
      let hi = starts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (starts[mid]! <= ms) lo = mid
        else hi = mid - 1
      }
      return userIds[lo] ?? null
    },
  }
}

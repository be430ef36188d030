import type { Zone } from 'luxon'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

/** A calendar date; stepping it is plain arithmetic, much cheaper than a luxon duration per step. */
export interface CalendarDate {
  year: number
  month: number
  day: number
}

export interface WallTime {
  hour: number
  minute: number
  second?: number
  millisecond?: number
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/**
 * The instant of a local wall-clock time, with Temporal's "compatible" rule: a time that
 * happens twice (clocks go back) is the earlier one, a time skipped (clocks go forward)
 * moves forward by the gap. luxon's own fromObject resolves the doubled hour from the
 * offset at the current moment, so the same schedule could render differently in summer
 * and winter; this does not read the clock, and is several times faster.
 */
export function localInstant(date: CalendarDate, time: WallTime, zone: Zone): number {
  const wall = Date.UTC(
    date.year,
    date.month - 1,
    date.day,
    time.hour,
    time.minute,
    time.second ?? 0,
    time.millisecond ?? 0,
  )
  const before = zone.offset(wall - DAY_MS)
  const after = zone.offset(wall + DAY_MS)
  let best: number | null = null
  for (const offset of before === after ? [before] : [before, after]) {
    const ts = wall - offset * MINUTE_MS
    if (zone.offset(ts) === offset && (best === null || ts < best)) best = ts
  }
  return best ?? wall - before * MINUTE_MS
}

import { DateTime } from 'luxon'

/** The wall clock in a zone at an instant, as the sources' rules read it. */
export interface LocalClock {
  /** Days since 1970-01-01 of the local calendar date. */
  dayNumber: number
  secondOfDay: number
  minuteOfDay: number
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
}

const cache = new Map<string, LocalClock>()

/** Remembered per (zone, instant): a property run asks about the same hours of the same year again and again. */
export function localClock(ms: number, zone: string): LocalClock {
  const key = `${zone}|${ms}`
  let clock = cache.get(key)
  if (clock) return clock
  const d = DateTime.fromMillis(ms, { zone })
  const secondOfDay = d.hour * 3600 + d.minute * 60 + d.second
  clock = {
    dayNumber: Date.UTC(d.year, d.month - 1, d.day) / 86_400_000,
    secondOfDay,
    minuteOfDay: secondOfDay / 60,
    weekday: d.weekday,
  }
  if (cache.size > 500_000) cache.clear()
  cache.set(key, clock)
  return clock
}

import { DateTime } from 'luxon'
import type { Restriction, Weekday } from './schedule-types.js'
import { zoneFor } from './zone-cache.js'
import { addDays, localInstant, type CalendarDate } from './calendar-date.js'

export interface Interval {
  startMs: number
  endMs: number
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes after local midnight for "HH:mm", or null when malformed. */
export function parseTimeOfDay(text: string): number | null {
  const match = timePattern.exec(text)
  if (!match) return null
  return Number(match[1]) * 60 + Number(match[2])
}

function localAt(date: CalendarDate, minutes: number, zone: string): number {
  return localInstant(date, { hour: Math.floor(minutes / 60), minute: minutes % 60 }, zoneFor(zone))
}

function minutesOf(time: string): number {
  const minutes = parseTimeOfDay(time)
  if (minutes === null) throw new RangeError(`invalid time of day "${time}" (expected HH:mm)`)
  return minutes
}

/**
 * Windows of one restriction overlapping [fromMs, toMs). Each window is built from local
 * wall-clock times, so "09:00–17:00" stays 09:00–17:00 local on both sides of a DST change.
 */
function windowsOf(restriction: Restriction, zone: string, fromMs: number, toMs: number): Interval[] {
  const startMin = minutesOf(restriction.startTime)
  const endMin = minutesOf(restriction.endTime)
  const windows: Interval[] = []
  const stepDays = restriction.kind === 'daily' ? 1 : 7
  const local = DateTime.fromMillis(fromMs, { zone: zoneFor(zone) })
  // Start one period early (on a Monday for weekly windows): a window that began before `fromMs` may still be open.
  let day = addDays(
    { year: local.year, month: local.month, day: local.day },
    restriction.kind === 'daily' ? -1 : -(local.weekday - 1) - 7,
  )
  for (;;) {
    let startDay = day
    let spanDays: number
    if (restriction.kind === 'daily') {
      spanDays = endMin > startMin ? 0 : 1
    } else {
      startDay = addDays(day, restriction.startDay - 1)
      spanDays = (restriction.endDay - restriction.startDay + 7) % 7
      if (spanDays === 0 && endMin <= startMin) spanDays = 7
    }
    const startMs = localAt(startDay, startMin, zone)
    if (startMs >= toMs) break
    const endMs = localAt(addDays(startDay, spanDays), endMin, zone)
    if (endMs > fromMs && endMs > startMs)
      windows.push({ startMs: Math.max(startMs, fromMs), endMs: Math.min(endMs, toMs) })
    day = addDays(day, stepDays)
  }
  return windows
}

export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs)
  const merged: Interval[] = []
  for (const next of sorted) {
    const last = merged[merged.length - 1]
    if (last && next.startMs <= last.endMs) last.endMs = Math.max(last.endMs, next.endMs)
    else merged.push({ ...next })
  }
  return merged
}

/** Where a layer may put someone on call within [fromMs, toMs): the whole range when unrestricted. */
export function activeWindows(
  restrictions: readonly Restriction[] | undefined,
  layerZone: string,
  fromMs: number,
  toMs: number,
): Interval[] {
  if (fromMs >= toMs) return []
  if (!restrictions || restrictions.length === 0) return [{ startMs: fromMs, endMs: toMs }]
  return mergeIntervals(restrictions.flatMap((r) => windowsOf(r, r.timeZone ?? layerZone, fromMs, toMs)))
}

/** Whether `ms` falls in a restriction window; built on the same windows as rendering, so the two always agree. */
export function isActiveAt(restrictions: readonly Restriction[] | undefined, layerZone: string, ms: number): boolean {
  return activeWindows(restrictions, layerZone, ms, ms + 1).length > 0
}

/** Weekday working hours, e.g. workingHours([1, 2, 3, 4, 5], '09:00', '17:00'). */
export function workingHours(
  days: readonly Weekday[],
  startTime: string,
  endTime: string,
  timeZone?: string,
): Restriction[] {
  const crossesMidnight = (parseTimeOfDay(endTime) ?? 0) <= (parseTimeOfDay(startTime) ?? 0)
  return days.map((day) => ({
    kind: 'weekly' as const,
    startDay: day,
    startTime,
    endDay: (crossesMidnight ? (day % 7) + 1 : day) as Weekday,
    endTime,
    ...(timeZone ? { timeZone } : {}),
  }))
}

import { DateTime } from 'luxon'
import type { Layer } from './schedule-types.js'
import { zoneFor } from './zone-cache.js'
import { addDays, localInstant } from './calendar-date.js'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

export interface RotationShift {
  /** Shift number since the layer's first handoff; negative numbers never occur (before start is nobody). */
  index: number
  startMs: number
  endMs: number
  userId: string
}

const anchors = new WeakMap<Layer, DateTime>()

function anchorOf(layer: Layer): DateTime {
  let anchor = anchors.get(layer)
  if (!anchor) {
    anchor = DateTime.fromMillis(layer.startAt.getTime(), { zone: zoneFor(layer.timeZone) })
    anchors.set(layer, anchor)
  }
  return anchor
}

function lengthInDays(layer: Layer): number {
  return layer.shiftLength.unit === 'weeks' ? layer.shiftLength.length * 7 : layer.shiftLength.length
}

const calendarStarts = new WeakMap<Layer, Map<number, number>>()

/**
 * When shift `k` begins. Day and week shifts step the calendar in the layer's zone, so 09:00 stays 09:00 across DST.
 */
export function shiftStartMs(layer: Layer, k: number): number {
  if (layer.shiftLength.unit === 'hours') return layer.startAt.getTime() + k * layer.shiftLength.length * HOUR_MS
  // Lookups hour by hour hit the same few shifts again and again; the calendar step is the costly part.
  let starts = calendarStarts.get(layer)
  if (!starts) calendarStarts.set(layer, (starts = new Map()))
  let ms = starts.get(k)
  // Shift 0 is the anchor itself, even when its wall time happens twice that night.
  if (k === 0) return layer.startAt.getTime()
  if (ms === undefined) {
    const anchor = anchorOf(layer)
    const date = addDays({ year: anchor.year, month: anchor.month, day: anchor.day }, k * lengthInDays(layer))
    ms = localInstant(
      date,
      { hour: anchor.hour, minute: anchor.minute, second: anchor.second, millisecond: anchor.millisecond },
      anchor.zone,
    )
    if (starts.size >= 4096) starts.clear()
    starts.set(k, ms)
  }
  return ms
}

function nominalLengthMs(layer: Layer): number {
  return layer.shiftLength.unit === 'hours' ? layer.shiftLength.length * HOUR_MS : lengthInDays(layer) * DAY_MS
}

/** The shift number containing `ms`, whether or not the layer has started. */
export function shiftIndexAt(layer: Layer, ms: number): number {
  let k = Math.floor((ms - layer.startAt.getTime()) / nominalLengthMs(layer))
  if (layer.shiftLength.unit === 'hours') return k
  // DST moves a calendar shift by at most an hour or two, so the nominal guess is off by at most one.
  while (shiftStartMs(layer, k) > ms) k--
  while (shiftStartMs(layer, k + 1) <= ms) k++
  return k
}

function participantOf(layer: Layer, k: number): string | undefined {
  const n = layer.participants.length
  return layer.participants[((k % n) + n) % n]
}

function isWithinLayer(layer: Layer, ms: number): boolean {
  if (ms < layer.startAt.getTime()) return false
  return !layer.endAt || ms < layer.endAt.getTime()
}

/** The rotation shift at `ms`, ignoring restrictions; null before the start, after the end or with no participants. */
export function rotationShiftAt(layer: Layer, ms: number): RotationShift | null {
  if (layer.participants.length === 0 || !isWithinLayer(layer, ms)) return null
  const index = shiftIndexAt(layer, ms)
  const userId = participantOf(layer, index)
  if (userId === undefined) return null
  return { index, startMs: shiftStartMs(layer, index), endMs: shiftStartMs(layer, index + 1), userId }
}

/** Rotation shifts overlapping [fromMs, toMs), clipped to the layer's own start and end (not to the range). */
export function rotationShiftsBetween(layer: Layer, fromMs: number, toMs: number): RotationShift[] {
  if (layer.participants.length === 0) return []
  const startMs = Math.max(fromMs, layer.startAt.getTime())
  const endMs = Math.min(toMs, layer.endAt ? layer.endAt.getTime() : Number.POSITIVE_INFINITY)
  const shifts: RotationShift[] = []
  if (startMs >= endMs) return shifts
  let k = shiftIndexAt(layer, startMs)
  let shiftStart = shiftStartMs(layer, k)
  while (shiftStart < endMs) {
    const shiftEnd = shiftStartMs(layer, k + 1)
    const userId = participantOf(layer, k)
    if (userId !== undefined) {
      shifts.push({
        index: k,
        startMs: Math.max(shiftStart, layer.startAt.getTime()),
        endMs: layer.endAt ? Math.min(shiftEnd, layer.endAt.getTime()) : shiftEnd,
        userId,
      })
    }
    k++
    shiftStart = shiftEnd
  }
  return shifts
}

import type { PlannedLayer } from '../domain/import/import-plan.js'
import { shiftIndexAt, shiftStartMs } from '../domain/oncall/rotation.js'
import type { Restriction, Weekday } from '../domain/oncall/schedule-types.js'

const pad = (n: number) => String(n).padStart(2, '0')

/** "HH:mm" for minutes after local midnight (wrapped to one day). */
export function timeOfDay(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`
}

/** A window starting at local `startMinutes` and lasting `durationMinutes` (wall clock), every day. */
export function dailyWindow(startMinutes: number, durationMinutes: number): Restriction {
  return { kind: 'daily', startTime: timeOfDay(startMinutes), endTime: timeOfDay(startMinutes + durationMinutes) }
}

/** The same within the week: `startDay` 1 (Monday) … 7, lasting up to seven days. */
export function weeklyWindow(startDay: number, startMinutes: number, durationMinutes: number): Restriction {
  const startOfWeek = (startDay - 1) * 1440 + startMinutes
  const end = (startOfWeek + durationMinutes) % (7 * 1440)
  return {
    kind: 'weekly',
    startDay: startDay as Weekday,
    startTime: timeOfDay(startMinutes),
    endDay: (Math.floor(end / 1440) + 1) as Weekday,
    endTime: timeOfDay(end % 1440),
  }
}

export interface SourceRotation {
  name: string
  participantKeys: string[]
  shiftUnit: 'hours' | 'days' | 'weeks'
  shiftLength: number
  /** Where turn 0 begins (may lie before `startAt`). */
  anchorAt: Date
  /** When the rotation starts putting people on call. */
  startAt: Date
  endAt: Date | null
  timeZone: string
  restrictions: Restriction[]
}

/**
 * Candor's layers start with participant 0 at their first handoff. A source rotation anchored
 * earlier than it starts (PagerDuty's rotation_virtual_start) becomes a layer anchored at the
 * turn in force at the start, its participants rotated to match; when the start falls inside
 * a turn, a one-person lead-in layer covers the rest of that turn, so nobody's turn moves.
 * The layers are returned lowest precedence first; they never overlap in time.
 */
export function layersOf(r: SourceRotation): PlannedLayer[] {
  const base = {
    name: r.name,
    shiftUnit: r.shiftUnit,
    shiftLength: r.shiftLength,
    timeZone: r.timeZone,
    restrictions: r.restrictions,
  }
  const n = r.participantKeys.length
  if (n === 0 || r.startAt.getTime() <= r.anchorAt.getTime())
    return [{ ...base, startAt: r.anchorAt, endAt: r.endAt, participantKeys: r.participantKeys }]
  const anchored = {
    id: 'anchor',
    participants: r.participantKeys,
    shiftLength: { unit: r.shiftUnit, length: r.shiftLength },
    startAt: r.anchorAt,
    timeZone: r.timeZone,
  }
  const startMs = r.startAt.getTime()
  const k = shiftIndexAt(anchored, startMs)
  const turnStart = shiftStartMs(anchored, k)
  const rotated = (from: number) => r.participantKeys.map((_, i) => r.participantKeys[(((from + i) % n) + n) % n]!)
  if (turnStart === startMs) return [{ ...base, startAt: r.startAt, endAt: r.endAt, participantKeys: rotated(k) }]
  const nextAt = new Date(shiftStartMs(anchored, k + 1))
  const leadInEnd = r.endAt && r.endAt < nextAt ? r.endAt : nextAt
  const leadIn: PlannedLayer = {
    ...base,
    name: `${r.name} (first turn)`,
    startAt: r.startAt,
    endAt: leadInEnd,
    participantKeys: rotated(k).slice(0, 1),
  }
  if (r.endAt && r.endAt <= nextAt) return [leadIn]
  return [leadIn, { ...base, startAt: nextAt, endAt: r.endAt, participantKeys: rotated(k + 1) }]
}

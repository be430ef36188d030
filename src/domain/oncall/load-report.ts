import { onCallShifts } from './schedule-queries.js'
import type { Schedule, Shift } from './schedule-types.js'

const HOUR_MS = 3_600_000

/** A run of shifts close together, e.g. the seed's week of daily 8-hour shifts. */
export interface Turn {
  startAt: Date
  endAt: Date
  shiftCount: number
  onCallHours: number
}

export interface PersonLoad {
  userId: string
  shifts: Shift[]
  onCallHours: number
  turns: Turn[]
  /** Hours between the end of one turn and the start of the next. */
  gapsBetweenTurnsHours: number[]
  shortestGapBetweenTurnsHours: number | null
  /** The shortest rest between two shifts, inside a turn or not. */
  shortestRestHours: number | null
}

export interface LoadReportOptions {
  /** Shifts closer than this belong to the same turn; a weekend off does not end a week's turn. */
  turnBreakHours?: number
}

const hoursBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / HOUR_MS

function groupIntoTurns(shifts: readonly Shift[], breakHours: number): Turn[] {
  const turns: Turn[] = []
  for (const shift of shifts) {
    const last = turns[turns.length - 1]
    const hours = hoursBetween(shift.startAt, shift.endAt)
    if (last && hoursBetween(last.endAt, shift.startAt) < breakHours) {
      last.endAt = shift.endAt
      last.shiftCount++
      last.onCallHours += hours
    } else {
      turns.push({ startAt: shift.startAt, endAt: shift.endAt, shiftCount: 1, onCallHours: hours })
    }
  }
  return turns
}

function smallest(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.min(...values)
}

/**
 * Each person's shifts in [from, to), grouped into turns, with the gaps between turns:
 * the readiness view that shows whether anyone is carrying too much (PRODUCT.md §2).
 */
export function loadReport(schedule: Schedule, from: Date, to: Date, options: LoadReportOptions = {}): PersonLoad[] {
  const breakHours = options.turnBreakHours ?? 72
  const byUser = new Map<string, Shift[]>()
  for (const shift of onCallShifts(schedule, from, to)) {
    const list = byUser.get(shift.userId) ?? []
    list.push(shift)
    byUser.set(shift.userId, list)
  }
  const report: PersonLoad[] = []
  for (const [userId, shifts] of byUser) {
    const turns = groupIntoTurns(shifts, breakHours)
    const gaps = turns.slice(1).map((turn, i) => hoursBetween(turns[i]!.endAt, turn.startAt))
    const rests = shifts.slice(1).map((shift, i) => hoursBetween(shifts[i]!.endAt, shift.startAt))
    report.push({
      userId,
      shifts,
      onCallHours: shifts.reduce((sum, s) => sum + hoursBetween(s.startAt, s.endAt), 0),
      turns,
      gapsBetweenTurnsHours: gaps,
      shortestGapBetweenTurnsHours: smallest(gaps),
      shortestRestHours: smallest(rests),
    })
  }
  return report.sort((a, b) => b.onCallHours - a.onCallHours || a.userId.localeCompare(b.userId))
}

/**
 * An on-call schedule (PRODUCT.md §2): layers of rotations, each with participants in
 * order, a shift length, a first handoff instant and a time zone; optional restriction
 * windows; overrides on top. Later layers take precedence over earlier ones (as in
 * PagerDuty, so imported schedules keep their meaning); overrides win over every layer.
 */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

/** Hours are elapsed time; days and weeks are calendar steps that keep the local handoff time across DST. */
export interface ShiftLength {
  unit: 'hours' | 'days' | 'weeks'
  length: number
}

/**
 * A window in which the layer is on call, in local wall-clock time ("HH:mm"). An end at
 * or before the start crosses midnight (daily) or wraps to the next week (weekly).
 */
export type Restriction =
  | { kind: 'daily'; startTime: string; endTime: string; timeZone?: string }
  | { kind: 'weekly'; startDay: Weekday; startTime: string; endDay: Weekday; endTime: string; timeZone?: string }

export interface Layer {
  id: string
  name?: string
  participants: readonly string[]
  shiftLength: ShiftLength
  /** The first handoff: participant 0 starts here; its local time in `timeZone` is the handoff time of day. */
  startAt: Date
  endAt?: Date | null
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string
  restrictions?: readonly Restriction[]
}

/** Someone covers a period; with `replacesUserId`, only while that person would be on call. */
export interface Override {
  id: string
  userId: string
  startAt: Date
  endAt: Date
  replacesUserId?: string | null
}

export interface Schedule {
  id: string
  name?: string
  /** The zone the schedule is shown in; each layer computes in its own zone. */
  timeZone: string
  layers: readonly Layer[]
  overrides?: readonly Override[]
}

export type SegmentSource =
  | { kind: 'override'; overrideId: string }
  | { kind: 'layer'; layerId: string }
  | { kind: 'none' }

/** A piece of the final schedule: one person (or nobody) from `startAt` until `endAt` (exclusive). */
export interface ScheduleSegment {
  startAt: Date
  endAt: Date
  userId: string | null
  source: SegmentSource
}

export interface Shift {
  userId: string
  startAt: Date
  endAt: Date
}

export interface OnCall {
  userId: string
  source: Exclude<SegmentSource, { kind: 'none' }>
}

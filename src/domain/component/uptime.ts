import type { Impact } from '../incident/impact.js'
import { worstComponentStatus, type ComponentStatus } from './component-status.js'

/** The component's status from `at` on, until the next change. */
export interface StatusChange {
  at: Date
  status: ComponentStatus
}

/** An incident that affected the component; `endAt` null while it is still open. */
export interface IncidentWindow {
  startAt: Date
  endAt: Date | null
  impact: Impact
}

export interface UptimeInput {
  now: Date
  /** Status before the first recorded change (usually the first change's old status, or operational). */
  initialStatus: ComponentStatus
  changes: readonly StatusChange[]
  incidents: readonly IncidentWindow[]
  /** Nothing counts before this instant (the component's start date or creation); null: count the whole window. */
  since?: Date | null
  days?: number
}

export interface UptimeDay {
  /** The UTC calendar day, YYYY-MM-DD. */
  date: string
  /** Worst effective status seen that day; null when the day was not observed at all. */
  worst: ComponentStatus | null
  observedMs: number
  majorOutageMs: number
  partialOutageMs: number
  degradedMs: number
  maintenanceMs: number
  /** Share of the observed time without weighted downtime, 0–100; null when not observed. */
  percent: number | null
}

export interface Uptime {
  days: UptimeDay[]
  percent: number | null
}

const dayMs = 86_400_000
/** Statuspage's weighting: a partial outage costs 30 % of a major one; degraded and maintenance cost nothing. */
export const partialOutageWeight = 0.3

/** An open incident counts as at least this status for the components it affects. */
const statusForImpact: Record<Impact, ComponentStatus> = {
  none: 'operational',
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/** Daily buckets (oldest first) of the last `days` UTC days ending today, from status history and incidents. */
export function computeUptime(input: UptimeInput): Uptime {
  const count = input.days ?? 90
  const nowMs = input.now.getTime()
  const windowStart = Math.floor(nowMs / dayMs) * dayMs - (count - 1) * dayMs
  const from = Math.max(windowStart, input.since?.getTime() ?? windowStart)
  const days = Array.from({ length: count }, (_, i) => emptyDay(windowStart + i * dayMs))

  const changes = [...input.changes].sort((a, b) => a.at.getTime() - b.at.getTime())
  const windows = input.incidents
    .filter((w) => w.impact !== 'none')
    .map((w) => ({
      start: w.startAt.getTime(),
      end: w.endAt?.getTime() ?? Infinity,
      status: statusForImpact[w.impact],
    }))

  const cuts = new Set<number>([from, nowMs])
  for (let t = windowStart + dayMs; t < nowMs; t += dayMs) cuts.add(t)
  for (const c of changes) cuts.add(c.at.getTime())
  for (const w of windows) cuts.add(w.start).add(w.end)
  const points = [...cuts].filter((t) => t >= from && t <= nowMs).sort((a, b) => a - b)

  let status = input.initialStatus
  let next = 0
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    while (next < changes.length && changes[next]!.at.getTime() <= start) status = changes[next++]!.status
    const open = windows.filter((w) => w.start <= start && w.end > start).map((w) => w.status)
    const effective = worstComponentStatus([status, ...open])
    const day = days[Math.floor((start - windowStart) / dayMs)]
    if (day) addTime(day, effective, end - start)
  }
  for (const day of days) day.percent = percentOf(day)
  return { days, percent: percentOf(sumDays(days)) }
}

function emptyDay(startMs: number): UptimeDay {
  return {
    date: utcDay(new Date(startMs)),
    worst: null,
    observedMs: 0,
    majorOutageMs: 0,
    partialOutageMs: 0,
    degradedMs: 0,
    maintenanceMs: 0,
    percent: null,
  }
}

function addTime(day: UptimeDay, status: ComponentStatus, ms: number): void {
  day.observedMs += ms
  day.worst = worstComponentStatus(day.worst ? [day.worst, status] : [status])
  if (status === 'major_outage') day.majorOutageMs += ms
  else if (status === 'partial_outage') day.partialOutageMs += ms
  else if (status === 'degraded_performance') day.degradedMs += ms
  else if (status === 'under_maintenance') day.maintenanceMs += ms
}

type Totals = Pick<UptimeDay, 'observedMs' | 'majorOutageMs' | 'partialOutageMs'>

function sumDays(days: readonly UptimeDay[]): Totals {
  const total: Totals = { observedMs: 0, majorOutageMs: 0, partialOutageMs: 0 }
  for (const d of days) {
    total.observedMs += d.observedMs
    total.majorOutageMs += d.majorOutageMs
    total.partialOutageMs += d.partialOutageMs
  }
  return total
}

function percentOf(t: Totals): number | null {
  if (t.observedMs <= 0) return null
  const down = t.majorOutageMs + partialOutageWeight * t.partialOutageMs
  return Math.max(0, Math.min(100, 100 * (1 - down / t.observedMs)))
}

import type { AlertEvent } from './alert-event.js'
import { compareAlertSeverity, type AlertSeverity } from './alert-severity.js'
import { isFlappingAt, recordStateChange, type FlapPolicy } from './flapping.js'

export const alertStatuses = ['firing', 'acknowledged', 'resolved'] as const
export type AlertStatus = (typeof alertStatuses)[number]

/** One deduplicated alert: every event with its dedup key lands here. */
export interface AlertState {
  status: AlertStatus
  summary: string
  severity: AlertSeverity
  source: string
  labels: Readonly<Record<string, string>>
  details: Readonly<Record<string, unknown>>
  /** Events applied to this alert (duplicates included, dropped events excluded). */
  eventCount: number
  /** Times it started firing: the first trigger and every re-fire after a resolve. */
  fireCount: number
  firstSeenAt: Date
  lastSeenAt: Date
  acknowledgedAt: Date | null
  resolvedAt: Date | null
  /** Recent firing⇄resolved changes, for flap detection (bounded by the policy). */
  stateChangeTimes: readonly Date[]
  isFlapping: boolean
}

/**
 * opened: a new alert; reopened: fired again after a resolve; updated: a duplicate or a
 * repeat acknowledge; dropped: an acknowledge/resolve for no open alert (as PagerDuty does).
 */
export type AlertChange = 'opened' | 'reopened' | 'updated' | 'acknowledged' | 'resolved' | 'dropped'

export interface AppliedAlertEvent {
  state: AlertState | null
  change: AlertChange
  /** The severity rose while it stayed open. */
  isEscalated: boolean
  startedFlapping: boolean
  /** Whether routing rules should act: a new firing, or an escalation; never a flapping re-fire. */
  shouldRoute: boolean
}

const fallbackSummary = (event: AlertEvent) => event.summary ?? `Alert ${event.dedupKey}`

/** Applies one event to the alert with the same dedup key (null when there is none yet). */
export function applyAlertEvent(
  current: AlertState | null,
  event: AlertEvent,
  now: Date,
  flap: FlapPolicy,
): AppliedAlertEvent {
  const dropped: AppliedAlertEvent = {
    state: current,
    change: 'dropped',
    isEscalated: false,
    startedFlapping: false,
    shouldRoute: false,
  }
  if (current === null) {
    if (event.action !== 'trigger') return dropped
    const state: AlertState = {
      status: 'firing',
      summary: fallbackSummary(event),
      severity: event.severity ?? 'error',
      source: event.source,
      labels: event.labels,
      details: event.details,
      eventCount: 1,
      fireCount: 1,
      firstSeenAt: now,
      lastSeenAt: now,
      acknowledgedAt: null,
      resolvedAt: null,
      stateChangeTimes: [],
      isFlapping: false,
    }
    return { state, change: 'opened', isEscalated: false, startedFlapping: false, shouldRoute: true }
  }

  const isOpen = current.status !== 'resolved'
  if (!isOpen && event.action !== 'trigger') return dropped
  const change: AlertChange =
    event.action === 'trigger'
      ? isOpen
        ? 'updated'
        : 'reopened'
      : event.action === 'acknowledge'
        ? current.status === 'acknowledged'
          ? 'updated'
          : 'acknowledged'
        : 'resolved'
  const isStateChange = change === 'reopened' || change === 'resolved'
  const stateChangeTimes = recordStateChange(current.stateChangeTimes, now, flap, isStateChange)
  const isFlapping = isFlappingAt(stateChangeTimes, now, flap)
  const severity = event.action === 'trigger' ? (event.severity ?? current.severity) : current.severity
  const isEscalated = change === 'updated' && compareAlertSeverity(severity, current.severity) > 0

  const state: AlertState = {
    ...current,
    status:
      change === 'reopened'
        ? 'firing'
        : change === 'acknowledged'
          ? 'acknowledged'
          : change === 'resolved'
            ? 'resolved'
            : current.status,
    // Follow-up events without text keep what the trigger said.
    summary: event.action === 'trigger' ? fallbackSummary(event) : (event.summary ?? current.summary),
    severity,
    source: event.action === 'trigger' ? event.source : current.source,
    labels: event.action === 'trigger' ? event.labels : current.labels,
    details: event.action === 'trigger' ? event.details : current.details,
    eventCount: current.eventCount + 1,
    fireCount: current.fireCount + (change === 'reopened' ? 1 : 0),
    // Never backwards: events from two nodes, or two batches in flight, may land out of order,
    // and the threshold query relies on an alert that fired after a moment being seen after it.
    lastSeenAt: now > current.lastSeenAt ? now : current.lastSeenAt,
    acknowledgedAt: change === 'acknowledged' ? now : change === 'reopened' ? null : current.acknowledgedAt,
    resolvedAt: change === 'resolved' ? now : change === 'reopened' ? null : current.resolvedAt,
    stateChangeTimes,
    isFlapping,
  }
  return {
    state,
    change,
    isEscalated,
    startedFlapping: isFlapping && !current.isFlapping,
    // As PagerDuty: an acknowledged alert notifies no one again, even when it escalates.
    shouldRoute: (change === 'reopened' && !isFlapping) || (isEscalated && current.status === 'firing'),
  }
}

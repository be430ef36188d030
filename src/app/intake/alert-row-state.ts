import type { AlertState, AlertStatus } from '../../domain/alert/alert-state.js'
import type { AlertSeverity } from '../../domain/alert/alert-severity.js'
import type { AlertStateRow, AlertWrite } from '../../store/alerts-store.js'

export function stateFromRow(row: AlertStateRow): AlertState {
  return {
    status: row.status as AlertStatus,
    summary: row.summary,
    severity: row.severity as AlertSeverity,
    source: row.source,
    labels: row.labels,
    details: row.details,
    eventCount: row.event_count,
    fireCount: row.fire_count,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    stateChangeTimes: row.state_change_times.map((t) => new Date(t)),
    isFlapping: row.is_flapping,
  }
}

export function writeFromState(state: AlertState, extra: { lastPayload: unknown; lastFiredAt: Date }): AlertWrite {
  return {
    status: state.status,
    severity: state.severity,
    summary: state.summary,
    source: state.source,
    labels: { ...state.labels },
    details: { ...state.details },
    lastPayload: extra.lastPayload,
    eventCount: state.eventCount,
    fireCount: state.fireCount,
    firstSeenAt: state.firstSeenAt,
    lastSeenAt: state.lastSeenAt,
    lastFiredAt: extra.lastFiredAt,
    acknowledgedAt: state.acknowledgedAt,
    resolvedAt: state.resolvedAt,
    stateChangeTimes: state.stateChangeTimes.map((t) => t.toISOString()),
    isFlapping: state.isFlapping,
  }
}

import type { AlertAction, AlertEvent } from './alert-event.js'
import type { AlertSeverity } from './alert-severity.js'

/** Builds an alert event for tests, with only what the test cares about spelled out. */
export function alertEvent(action: AlertAction, dedupKey: string, over: Partial<AlertEvent> = {}): AlertEvent {
  return {
    kind: 'webhook',
    action,
    dedupKey,
    summary: action === 'trigger' ? `Summary of ${dedupKey}` : null,
    severity: action === 'trigger' ? ('error' as AlertSeverity) : null,
    source: 'test-host',
    labels: {},
    details: {},
    links: [],
    occurredAt: new Date('2026-11-20T09:00:00Z'),
    ...over,
  }
}

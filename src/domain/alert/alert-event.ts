import type { AlertSeverity } from './alert-severity.js'

/** Where an alert came in: each kind has its own payload normaliser in src/intake/payloads. */
export const intakeKinds = ['alertmanager', 'pagerduty', 'webhook', 'email'] as const
export type IntakeKind = (typeof intakeKinds)[number]

/** PagerDuty's event actions; Alertmanager "firing" is a trigger, "resolved" a resolve. */
export const alertActions = ['trigger', 'acknowledge', 'resolve'] as const
export type AlertAction = (typeof alertActions)[number]

export interface AlertLink {
  href: string
  text?: string
}

/**
 * One normalised alert event, whatever tool sent it. `summary` and `severity` are null on
 * an acknowledge or resolve that carried none (PagerDuty's follow-up events carry only the key).
 */
export interface AlertEvent {
  kind: IntakeKind
  action: AlertAction
  /** Same key, same alert: the fingerprint, dedup_key or a key derived from the payload. */
  dedupKey: string
  summary: string | null
  severity: AlertSeverity | null
  /** The affected system (host, instance, sender), as the tool named it. */
  source: string
  labels: Readonly<Record<string, string>>
  details: Readonly<Record<string, unknown>>
  links: readonly AlertLink[]
  /** When the tool says it happened; may differ from when Candor received it. */
  occurredAt: Date
}

export const MAX_DEDUP_KEY_LENGTH = 255
export const MAX_SUMMARY_LENGTH = 1024

/** Keeps the first `max` characters without splitting a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

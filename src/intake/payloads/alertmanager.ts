import { z } from 'zod'
import { MAX_SUMMARY_LENGTH, truncateText, type AlertEvent } from '../../domain/alert/alert-event.js'
import { parseAlertSeverity } from '../../domain/alert/alert-severity.js'
import { invalidPayload, problemsFrom, type IntakeResult } from './intake-result.js'
import { derivedDedupKey, fittedDedupKey, isZeroTime, labelsFrom, toolTimestamp } from './payload-values.js'

const stringMap = z.record(z.string(), z.string())

/** One alert of a group, as Alertmanager's webhook sends it (version "4"). */
const alertmanagerAlert = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels: stringMap,
  annotations: stringMap.optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).optional(),
})

/** Alertmanager's webhook_config payload; unknown fields are kept, so newer versions still work. */
export const alertmanagerWebhook = z.looseObject({
  version: z.string().optional(),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().optional(),
  groupLabels: stringMap.optional(),
  commonLabels: stringMap.optional(),
  commonAnnotations: stringMap.optional(),
  externalURL: z.string().optional(),
  alerts: z.array(alertmanagerAlert).min(1).max(5000),
})
export type AlertmanagerWebhook = z.infer<typeof alertmanagerWebhook>

// Alertmanager's own PagerDuty receiver defaults to "error" when no severity label says otherwise.
const DEFAULT_SEVERITY = 'error'

/** Each alert of the group becomes one event, deduplicated by Alertmanager's fingerprint. */
export function normaliseAlertmanager(body: unknown, receivedAt: Date): IntakeResult {
  const parsed = alertmanagerWebhook.safeParse(body)
  if (!parsed.success) return invalidPayload(problemsFrom(parsed.error))
  const group = parsed.data
  const events = group.alerts.map((alert): AlertEvent => {
    const labels = labelsFrom(alert.labels)
    const annotations = alert.annotations ?? {}
    const isResolved = alert.status === 'resolved'
    const summary =
      annotations.summary ?? annotations.description ?? annotations.message ?? labels.alertname ?? 'Alertmanager alert'
    return {
      kind: 'alertmanager',
      action: isResolved ? 'resolve' : 'trigger',
      // Alertmanager <0.19 sent no fingerprint; its labels identify the alert just as well.
      dedupKey: alert.fingerprint ? fittedDedupKey(alert.fingerprint) : derivedDedupKey('labels', labels),
      summary: truncateText(summary, MAX_SUMMARY_LENGTH),
      severity: parseAlertSeverity(labels.severity) ?? DEFAULT_SEVERITY,
      source: labels.instance ?? labels.job ?? group.receiver ?? 'alertmanager',
      labels,
      details: {
        annotations,
        startsAt: alert.startsAt,
        endsAt: isZeroTime(alert.endsAt) ? null : alert.endsAt,
        generatorURL: alert.generatorURL,
        groupKey: group.groupKey,
        receiver: group.receiver,
        externalURL: group.externalURL,
      },
      links: alert.generatorURL ? [{ href: alert.generatorURL, text: 'Source' }] : [],
      occurredAt: toolTimestamp(isResolved && !isZeroTime(alert.endsAt) ? alert.endsAt : alert.startsAt, receivedAt),
    }
  })
  // Each event keeps its own alert with the group's fields, not the whole group again.
  const { alerts, ...groupFields } = body as { alerts: unknown[] } & Record<string, unknown>
  return { ok: true, events, raw: alerts.map((alert) => ({ ...groupFields, alerts: [alert] })) }
}

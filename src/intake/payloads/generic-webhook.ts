import { z } from 'zod'
import { MAX_DEDUP_KEY_LENGTH, MAX_SUMMARY_LENGTH, type AlertEvent } from '../../domain/alert/alert-event.js'
import { parseAlertSeverity } from '../../domain/alert/alert-severity.js'
import { invalidPayload, problemsFrom, type IntakeProblem, type IntakeResult } from './intake-result.js'
import { derivedDedupKey, labelsFrom, MAX_LABEL_VALUE_LENGTH, MAX_LABELS, toolTimestamp } from './payload-values.js'

/**
 * Candor's own alert format (documented in src/intake/README.md). Strict: a misspelt field
 * ("sumary") is an error, not silently dropped, because this format is ours to define.
 */
export const webhookAlert = z.strictObject({
  summary: z.string().trim().min(1).max(MAX_SUMMARY_LENGTH).optional(),
  dedup_key: z.string().trim().min(1).max(MAX_DEDUP_KEY_LENGTH).optional(),
  status: z.enum(['firing', 'acknowledged', 'resolved']).default('firing'),
  severity: z
    .string()
    .refine((s) => parseAlertSeverity(s) !== undefined, { error: 'must be one of critical, error, warning, info' })
    .optional(),
  labels: z
    .record(z.string().min(1).max(256), z.union([z.string().max(MAX_LABEL_VALUE_LENGTH), z.number(), z.boolean()]))
    .refine((l) => Object.keys(l).length <= MAX_LABELS, { error: `at most ${MAX_LABELS} labels` })
    .optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  source: z.string().max(1024).optional(),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
  links: z
    .array(z.strictObject({ href: z.url({ protocol: /^https?$/ }), text: z.string().max(1024).optional() }))
    .max(20)
    .optional(),
})
export type WebhookAlert = z.infer<typeof webhookAlert>

/** One alert object, or `{ "alerts": [...] }` with up to 100. */
export const webhookBody = z.union([webhookAlert, z.strictObject({ alerts: z.array(webhookAlert).min(1).max(100) })])

const DEFAULT_SEVERITY = 'error'

export function normaliseWebhook(body: unknown, receivedAt: Date): IntakeResult {
  const isBatch = typeof body === 'object' && body !== null && 'alerts' in body
  const parsed = (isBatch ? webhookBody.options[1] : webhookAlert).safeParse(body)
  if (!parsed.success) return invalidPayload(problemsFrom(parsed.error))
  const alerts = 'alerts' in parsed.data ? parsed.data.alerts : [parsed.data]
  const problems: IntakeProblem[] = []
  alerts.forEach((a, i) => {
    const at = isBatch ? `alerts.${i}.` : ''
    if (a.status === 'firing' && !a.summary)
      problems.push({ path: `${at}summary`, message: 'a firing alert needs a summary' })
    if (a.status !== 'firing' && !a.dedup_key)
      problems.push({ path: `${at}dedup_key`, message: `an ${a.status} alert names the alert by its dedup_key` })
  })
  if (problems.length > 0) return invalidPayload(problems)
  const raw = isBatch ? (body as { alerts: unknown[] }).alerts : [body]
  return { ok: true, events: alerts.map((a) => toEvent(a, receivedAt)), raw }
}

function toEvent(a: WebhookAlert, receivedAt: Date): AlertEvent {
  const labels = labelsFrom(a.labels)
  const source = a.source ?? ''
  return {
    kind: 'webhook',
    action: a.status === 'firing' ? 'trigger' : a.status === 'acknowledged' ? 'acknowledge' : 'resolve',
    // Without a key, the same summary, source and labels are the same alert.
    dedupKey: a.dedup_key ?? derivedDedupKey('webhook', { summary: a.summary, source, labels }),
    summary: a.summary ?? null,
    severity:
      a.severity === undefined
        ? a.status === 'firing'
          ? DEFAULT_SEVERITY
          : null
        : (parseAlertSeverity(a.severity) ?? null),
    source,
    labels,
    details: a.details ?? {},
    links: (a.links ?? []).map((l) => (l.text === undefined ? { href: l.href } : { href: l.href, text: l.text })),
    occurredAt: a.occurred_at ? toolTimestamp(a.occurred_at, receivedAt) : receivedAt,
  }
}

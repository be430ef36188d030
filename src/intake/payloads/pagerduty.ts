import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import {
  alertActions,
  MAX_DEDUP_KEY_LENGTH,
  MAX_SUMMARY_LENGTH,
  truncateText,
  type AlertEvent,
  type AlertLink,
} from '../../domain/alert/alert-event.js'
import { alertSeverities } from '../../domain/alert/alert-severity.js'
import { labelsFrom, toolTimestamp } from './payload-values.js'

// Messages follow PagerDuty's own wording, e.g. "'payload.source' is missing or blank".
const blank = (field: string) => `'${field}' is missing or blank`
const required = (field: string) =>
  z.string({ error: blank(field) }).refine((s) => s.trim() !== '', { error: blank(field) })
const optionalText = (field: string) => z.string({ error: `'${field}' must be a string` }).optional()

const envelope = z.looseObject({
  routing_key: required('routing_key'),
  event_action: z.enum(alertActions, {
    error: (issue) =>
      issue.input === undefined
        ? blank('event_action')
        : "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')",
  }),
  dedup_key: z
    .string({ error: "'dedup_key' must be a string" })
    .max(MAX_DEDUP_KEY_LENGTH, {
      error: `Length of 'dedup_key' is too long (maximum is ${MAX_DEDUP_KEY_LENGTH} characters)`,
    })
    .optional(),
  payload: z.unknown().optional(),
  client: optionalText('client'),
  client_url: optionalText('client_url'),
  links: z
    .array(z.looseObject({ href: z.string(), text: z.string().optional() }), { error: "'links' is invalid" })
    .max(50)
    .optional(),
  images: z
    .array(z.looseObject({ src: z.string(), href: z.string().optional(), alt: z.string().optional() }), {
      error: "'images' is invalid",
    })
    .max(50)
    .optional(),
})

/** `payload` is required and checked only on a trigger; follow-up events need just the key. */
const triggerPayload = z.looseObject(
  {
    summary: required('payload.summary'),
    source: required('payload.source'),
    severity: z.enum(alertSeverities, {
      error: (issue) =>
        issue.input === undefined
          ? blank('payload.severity')
          : "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
    }),
    timestamp: optionalText('payload.timestamp'),
    component: optionalText('payload.component'),
    group: optionalText('payload.group'),
    class: optionalText('payload.class'),
    custom_details: z.unknown().optional(),
  },
  { error: blank('payload') },
)

export type PagerDutyResult =
  | { ok: true; routingKey: string; event: AlertEvent }
  | { ok: false; routingKey: string | undefined; errors: string[] }

/** The key PagerDuty invents when a trigger has none: 32 hex characters, never reused. */
export const newPagerDutyDedupKey = () => randomUUID().replaceAll('-', '')

/** Reads one Events API v2 event (POST /v2/enqueue); errors come in PagerDuty's words. */
export function normalisePagerDuty(
  body: unknown,
  receivedAt: Date,
  newDedupKey = newPagerDutyDedupKey,
): PagerDutyResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, routingKey: undefined, errors: ['Event object is invalid'] }
  const routingKey =
    typeof (body as { routing_key?: unknown }).routing_key === 'string'
      ? (body as { routing_key: string }).routing_key
      : undefined
  const parsed = envelope.safeParse(body)
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => i.message)
  const action = parsed.success ? parsed.data.event_action : undefined
  const payload = action === 'trigger' ? triggerPayload.safeParse(parsed.data?.payload) : undefined
  if (payload && !payload.success) errors.push(...payload.error.issues.map((i) => i.message))
  // Kept exactly as sent: the tool resolves later with the same string.
  const sentKey = parsed.data?.dedup_key ?? ''
  const dedupKey = sentKey.trim() === '' ? '' : sentKey
  if (action && action !== 'trigger' && dedupKey === '') errors.push(blank('dedup_key'))
  if (!parsed.success || errors.length > 0) return { ok: false, routingKey, errors }

  const e = parsed.data
  const p = payload?.success ? payload.data : undefined
  const links: AlertLink[] = (e.links ?? []).map((l) =>
    l.text === undefined ? { href: l.href } : { href: l.href, text: l.text },
  )
  const details = p?.custom_details
  return {
    ok: true,
    routingKey: e.routing_key,
    event: {
      kind: 'pagerduty',
      action: e.event_action,
      dedupKey: dedupKey === '' ? newDedupKey() : dedupKey,
      summary: p ? truncateText(p.summary, MAX_SUMMARY_LENGTH) : null,
      severity: p?.severity ?? null,
      source: p?.source ?? '',
      labels: labelsFrom({ component: p?.component, group: p?.group, class: p?.class }),
      details: {
        custom_details: details,
        client: e.client,
        client_url: e.client_url,
        images: e.images,
      },
      links,
      occurredAt: toolTimestamp(p?.timestamp, receivedAt),
    },
  }
}

/** PagerDuty's 202 body: tools read `dedup_key` back to acknowledge or resolve later. */
export function pagerDutyAccepted(dedupKey: string) {
  return { status: 'success', message: 'Event processed', dedup_key: dedupKey } as const
}

/** PagerDuty's 400 body. */
export function pagerDutyInvalid(errors: readonly string[]) {
  return { status: 'invalid event', message: 'Event object is invalid', errors: [...errors] }
}

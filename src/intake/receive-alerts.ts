import type { IntakeKind } from '../domain/alert/alert-event.js'
import type { AppDeps } from '../app/context.js'
import { findIntegrationByKey, type IntakeIntegration } from '../app/intake/find-integration.js'
import { ingestAlerts, type IngestedAlert } from '../app/intake/ingest-alerts.js'
import { normaliseAlertmanager } from './payloads/alertmanager.js'
import { normaliseWebhook } from './payloads/generic-webhook.js'
import type { IntakeProblem, IntakeResult } from './payloads/intake-result.js'
import { normalisePagerDuty } from './payloads/pagerduty.js'
import { sanitiseJson } from './payloads/sanitise-json.js'

export type Received =
  | { ok: true; integration: IntakeIntegration; results: IngestedAlert[] }
  | { ok: false; reason: 'unknown_key' | 'wrong_kind' | 'invalid'; problems: IntakeProblem[] }

const normalisers: Partial<Record<IntakeKind, (body: unknown, receivedAt: Date) => IntakeResult>> = {
  alertmanager: normaliseAlertmanager,
  webhook: normaliseWebhook,
}

export interface ReceiveOptions {
  receivedAt: Date
  idempotencyKey?: string
}

/** Key → integration → cleaned payload → alert events → one transaction. */
export async function receiveAlerts(
  deps: AppDeps,
  kind: 'alertmanager' | 'webhook',
  key: string,
  body: unknown,
  options: ReceiveOptions,
): Promise<Received> {
  const integration = await findIntegrationByKey(deps, key)
  if (!integration)
    return { ok: false, reason: 'unknown_key', problems: [{ path: 'key', message: 'no integration has this key' }] }
  if (integration.kind !== kind) {
    return {
      ok: false,
      reason: 'wrong_kind',
      problems: [{ path: 'key', message: `this key belongs to a ${integration.kind} integration` }],
    }
  }
  const clean = sanitiseJson(body)
  if (!clean.ok) return { ok: false, reason: 'invalid', problems: clean.problems }
  const normalised = normalisers[kind]!(clean.value, options.receivedAt)
  if (!normalised.ok) return { ok: false, reason: 'invalid', problems: normalised.problems }
  const results = await ingestAlerts(deps, integration, { events: normalised.events, raw: normalised.raw, ...options })
  return { ok: true, integration, results }
}

export type ReceivedPagerDuty =
  | { ok: true; dedupKey: string; results: IngestedAlert[] }
  | { ok: false; errors: string[] }

/** PagerDuty's enqueue: the routing_key names the integration; errors in PagerDuty's words. */
export async function receivePagerDutyEvent(
  deps: AppDeps,
  body: unknown,
  options: ReceiveOptions,
): Promise<ReceivedPagerDuty> {
  const clean = sanitiseJson(body)
  if (!clean.ok) return { ok: false, errors: clean.problems.map((p) => p.message) }
  const parsed = normalisePagerDuty(clean.value, options.receivedAt)
  if (!parsed.ok) return { ok: false, errors: parsed.errors }
  const integration = await findIntegrationByKey(deps, parsed.routingKey)
  if (integration?.kind !== 'pagerduty') return { ok: false, errors: ['Invalid routing key'] }
  const results = await ingestAlerts(deps, integration, { events: [parsed.event], raw: [clean.value], ...options })
  return { ok: true, dedupKey: parsed.event.dedupKey, results }
}

import { randomUUID } from 'node:crypto'
import type { AlertEvent } from '../../domain/alert/alert-event.js'
import { applyAlertEvent, type AlertChange, type AlertState } from '../../domain/alert/alert-state.js'
import type { RoutingRule } from '../../domain/alert/routing-rule.js'
import type { AlertEventWrite, AlertStateRow, AlertWrite } from '../../store/alerts-store.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import { systemContext, type AppContext, type AppDeps } from '../context.js'
import { conflict } from '../errors.js'
import { stateFromRow, writeFromState } from './alert-row-state.js'
import type { IntakeIntegration } from './find-integration.js'
import { settingsOf } from './integration-config.js'
import { routeFiringAlert } from './route-firing-alert.js'

export interface IngestRequest {
  events: readonly AlertEvent[]
  /** `raw[i]` is the payload `events[i]` came from; kept with the event. */
  raw: readonly unknown[]
  receivedAt: Date
  /** A client's Idempotency-Key: the same key twice for one integration is a replay, refused. */
  idempotencyKey?: string
}

export interface IngestedAlert {
  dedupKey: string
  change: AlertChange
  alertId: string | null
  incidentId: string | null
}

/** Another transaction created one of these alerts after we looked: run again and it is an update. */
export class AlertRaceError extends Error {
  override name = 'AlertRaceError'
}

interface Slot {
  id: string
  integrationId: string
  dedupKey: string
  row: AlertStateRow | undefined
  state: AlertState | null
  write: AlertWrite | null
}

const slotKey = (integrationId: string, dedupKey: string) => `${integrationId}\u0000${dedupKey}`

/**
 * Records several requests' alert events inside the caller's transaction, with a handful of
 * statements whatever the count: lock the alerts involved, apply every event in order with
 * the domain rules, write new and changed alerts and all events in bulk, then route each new
 * firing (open or join a triage incident, ask for pages).
 */
export async function recordBatch(
  deps: AppDeps,
  tx: OrgStore,
  rawTx: Executor,
  input: { requests: readonly { integration: IntakeIntegration; request: IngestRequest }[]; rules: readonly RoutingRule[]; openedIncidents: Set<string> },
): Promise<IngestedAlert[][]> {
  const { requests } = input
  const claims = requests.flatMap(({ integration, request }) => (request.idempotencyKey === undefined ? [] : [{ integrationId: integration.id, key: request.idempotencyKey }]))
  const firstAt = requests[0]!.request.receivedAt
  if ((await tx.alerts.claimIdempotencyKeys(claims, firstAt)) < claims.length) {
    throw conflict('This request was already received (same Idempotency-Key); nothing was stored again', [{ path: 'Idempotency-Key', message: 'already used for this integration' }])
  }

  const keys = new Map<string, { integrationId: string; dedupKey: string }>()
  for (const { integration, request } of requests) {
    for (const e of request.events) keys.set(slotKey(integration.id, e.dedupKey), { integrationId: integration.id, dedupKey: e.dedupKey })
  }
  const slots = new Map<string, Slot>()
  for (const row of await tx.alerts.lockMany([...keys.values()])) slots.set(slotKey(row.integration_id, row.dedup_key), { id: row.id, integrationId: row.integration_id, dedupKey: row.dedup_key, row, state: stateFromRow(row), write: null })

  const events: AlertEventWrite[] = []
  const toRoute: { slot: Slot; integration: IntakeIntegration; now: Date; result: IngestedAlert }[] = []
  // Acknowledge/resolve reach on-call after routing, so an alert opened and resolved in one batch
  // leaves no page behind; a resolve followed by a new firing goes before, so only the old page stops.
  type Settled = { alertId: string; ctx: AppContext; status: 'acknowledged' | 'resolved' }
  const beforeRouting: Settled[] = []
  const afterRouting = new Map<string, Settled>()
  const results = requests.map(({ integration, request }) => {
    const now = request.receivedAt
    const { flap } = settingsOf(integration.config)
    return request.events.map((event, i): IngestedAlert => {
      const key = slotKey(integration.id, event.dedupKey)
      const slot = slots.get(key) ?? { id: randomUUID(), integrationId: integration.id, dedupKey: event.dedupKey, row: undefined, state: null, write: null }
      const applied = applyAlertEvent(slot.state, event, now, flap)
      const payload = request.raw[i] ?? null
      const isStored = applied.state !== null && applied.change !== 'dropped'
      if (isStored) {
        slot.state = applied.state
        const lastFiredAt = event.action === 'trigger' ? now : (slot.write?.lastFiredAt ?? slot.row?.last_fired_at ?? now)
        slot.write = writeFromState(applied.state!, { lastPayload: payload, lastFiredAt })
        slots.set(key, slot)
      }
      const alertId = isStored || slot.state ? slot.id : null
      events.push({ integrationId: integration.id, alertId, dedupKey: event.dedupKey, action: event.action, change: applied.change, occurredAt: event.occurredAt, receivedAt: now, payload })
      const result: IngestedAlert = { dedupKey: event.dedupKey, change: applied.change, alertId, incidentId: slot.row?.incident_id ?? null }
      if (applied.shouldRoute) toRoute.push({ slot, integration, now, result })
      if (applied.change === 'acknowledged' || applied.change === 'resolved') {
        afterRouting.set(slot.id, { alertId: slot.id, ctx: systemContext(integration.org_id, now, `integration:${integration.name}`), status: applied.change })
      } else if (applied.change === 'reopened' && afterRouting.has(slot.id)) {
        beforeRouting.push(afterRouting.get(slot.id)!)
        afterRouting.delete(slot.id)
      }
      return result
    })
  })

  const written = [...slots.values()].filter((s) => s.write !== null)
  const rows = written.map((s) => ({ ...s.write!, id: s.id, integrationId: s.integrationId, dedupKey: s.dedupKey }))
  if ((await tx.alerts.writeMany(rows, events, requests.at(-1)!.request.receivedAt)) < rows.length) {
    throw new AlertRaceError('an alert of this batch was created concurrently')
  }

  const announce = async (list: Iterable<Settled>) => {
    for (const { alertId, ctx, status } of list) for (const hook of deps.hooks.alertStatusChanged) await hook(rawTx, ctx, { alertId, status })
  }
  await announce(beforeRouting)
  const incidentOf = new Map<string, string | null>()
  for (const { slot, integration, now, result } of toRoute) {
    const row = routedRow(slot, incidentOf.get(slot.id) ?? slot.row?.incident_id ?? null, integration)
    const ctx = systemContext(integration.org_id, now, `integration:${integration.name}`)
    const routed = await routeFiringAlert(deps, ctx, tx, rawTx, { alert: row, kind: integration.kind, rules: input.rules, now })
    incidentOf.set(slot.id, routed.incidentId)
    result.incidentId = routed.incidentId
    if (routed.openedIncidentId) input.openedIncidents.add(routed.openedIncidentId)
  }
  await announce(afterRouting.values())
  for (const result of results.flat()) if (result.alertId && incidentOf.has(result.alertId)) result.incidentId = incidentOf.get(result.alertId)!
  return results
}

/** What routing reads of an alert, as it stands after this batch. */
function routedRow(slot: Slot, incidentId: string | null, integration: IntakeIntegration): AlertStateRow {
  const w = slot.write!
  return {
    id: slot.id,
    org_id: integration.org_id,
    integration_id: slot.integrationId,
    dedup_key: slot.dedupKey,
    status: w.status,
    severity: w.severity,
    summary: w.summary,
    source: w.source,
    labels: w.labels,
    details: w.details,
    event_count: w.eventCount,
    fire_count: w.fireCount,
    first_seen_at: w.firstSeenAt,
    last_seen_at: w.lastSeenAt,
    last_fired_at: w.lastFiredAt,
    acknowledged_at: w.acknowledgedAt,
    resolved_at: w.resolvedAt,
    state_change_times: w.stateChangeTimes,
    is_flapping: w.isFlapping,
    disposition: slot.row?.disposition ?? 'record',
    incident_id: incidentId,
    created_at: slot.row?.created_at ?? w.firstSeenAt,
    updated_at: w.lastSeenAt,
  }
}

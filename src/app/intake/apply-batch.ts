import { randomUUID } from 'node:crypto'
import type { AlertEvent } from '../../domain/alert/alert-event.js'
import { applyAlertEvent, type AlertChange, type AlertState } from '../../domain/alert/alert-state.js'
import type { AlertEventWrite, AlertStateRow, AlertWrite } from '../../store/alerts-store.js'
import { systemContext, type AppContext } from '../context.js'
import { stateFromRow, writeFromState } from './alert-row-state.js'
import type { IntakeIntegration } from './find-integration.js'
import { settingsOf } from './integration-config.js'

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

export interface Slot {
  id: string
  integrationId: string
  dedupKey: string
  row: AlertStateRow | undefined
  state: AlertState | null
  write: AlertWrite | null
}

/** An alert acknowledged or resolved at its source: on-call hears of it (alertStatusChanged). */
export interface Settled {
  alertId: string
  ctx: AppContext
  status: 'acknowledged' | 'resolved'
}

export interface AppliedBatch {
  results: IngestedAlert[][]
  /** Every alert the batch touched, by key; those with a `write` changed. */
  slots: Map<string, Slot>
  events: AlertEventWrite[]
  toRoute: { slot: Slot; integration: IntakeIntegration; now: Date; result: IngestedAlert }[]
  // Acknowledge/resolve reach on-call after routing, so an alert opened and resolved in one batch
  // leaves no page behind; a resolve followed by a new firing goes before, so only the old page stops.
  beforeRouting: Settled[]
  afterRouting: Map<string, Settled>
}

export type BatchRequests = readonly { integration: IntakeIntegration; request: IngestRequest }[]

const slotKey = (integrationId: string, dedupKey: string) => `${integrationId}\u0000${dedupKey}`

/** Every (integration, dedup key) the batch names, once. */
export function batchKeys(requests: BatchRequests): { integrationId: string; dedupKey: string }[] {
  const keys = new Map<string, { integrationId: string; dedupKey: string }>()
  for (const { integration, request } of requests) {
    for (const e of request.events)
      keys.set(slotKey(integration.id, e.dedupKey), { integrationId: integration.id, dedupKey: e.dedupKey })
  }
  return [...keys.values()]
}

/** Applies every event of the batch in arrival order, with the domain rules, to the alerts as read. */
export function applyBatch(requests: BatchRequests, rows: readonly AlertStateRow[]): AppliedBatch {
  const slots = new Map<string, Slot>()
  for (const row of rows)
    slots.set(slotKey(row.integration_id, row.dedup_key), {
      id: row.id,
      integrationId: row.integration_id,
      dedupKey: row.dedup_key,
      row,
      state: stateFromRow(row),
      write: null,
    })
  const events: AlertEventWrite[] = []
  const toRoute: AppliedBatch['toRoute'] = []
  const beforeRouting: Settled[] = []
  const afterRouting = new Map<string, Settled>()
  const results = requests.map(({ integration, request }) => {
    const now = request.receivedAt
    const { flap } = settingsOf(integration.config)
    return request.events.map((event, i): IngestedAlert => {
      const key = slotKey(integration.id, event.dedupKey)
      const slot = slots.get(key) ?? {
        id: randomUUID(),
        integrationId: integration.id,
        dedupKey: event.dedupKey,
        row: undefined,
        state: null,
        write: null,
      }
      const applied = applyAlertEvent(slot.state, event, now, flap)
      const payload = request.raw[i] ?? null
      const isStored = applied.state !== null && applied.change !== 'dropped'
      if (isStored) {
        slot.state = applied.state
        const lastFiredAt =
          event.action === 'trigger' ? now : (slot.write?.lastFiredAt ?? slot.row?.last_fired_at ?? now)
        slot.write = writeFromState(applied.state!, { lastPayload: payload, lastFiredAt })
        slots.set(key, slot)
      }
      const alertId = isStored || slot.state ? slot.id : null
      events.push({
        integrationId: integration.id,
        alertId,
        dedupKey: event.dedupKey,
        action: event.action,
        change: applied.change,
        occurredAt: event.occurredAt,
        receivedAt: now,
        payload,
      })
      const result: IngestedAlert = {
        dedupKey: event.dedupKey,
        change: applied.change,
        alertId,
        incidentId: slot.row?.incident_id ?? null,
      }
      if (applied.shouldRoute) toRoute.push({ slot, integration, now, result })
      if (applied.change === 'acknowledged' || applied.change === 'resolved') {
        afterRouting.set(slot.id, {
          alertId: slot.id,
          ctx: systemContext(integration.org_id, now, `integration:${integration.name}`),
          status: applied.change,
        })
      } else if (applied.change === 'reopened' && afterRouting.has(slot.id)) {
        beforeRouting.push(afterRouting.get(slot.id)!)
        afterRouting.delete(slot.id)
      }
      return result
    })
  })
  return { results, slots, events, toRoute, beforeRouting, afterRouting }
}

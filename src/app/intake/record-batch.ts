import type { RoutingRule } from '../../domain/alert/routing-rule.js'
import type { AlertStateRow } from '../../store/alerts-store.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import { systemContext, type AppDeps } from '../context.js'
import { conflict } from '../../domain/app-error.js'
import {
  applyBatch,
  batchKeys,
  type BatchRequests,
  type IngestedAlert,
  type Settled,
  type Slot,
} from './apply-batch.js'
import type { IntakeIntegration } from './find-integration.js'
import { routeFiringAlert } from './route-firing-alert.js'

export type { IngestedAlert, IngestRequest } from './apply-batch.js'

/** Another transaction created one of these alerts after we looked: run again and it is an update. */
export class AlertRaceError extends Error {
  override name = 'AlertRaceError'
}

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
  input: {
    requests: BatchRequests
    rules: readonly RoutingRule[]
    /** Incidents this batch opened, by id, with their status page: announced after commit. */
    openedIncidents: Map<string, string | null>
    /** Set when a firing met the routing rules: pages it opened are in the outbox once this commits. */
    routing?: { happened: boolean }
  },
): Promise<IngestedAlert[][]> {
  const { requests } = input
  const claims = requests.flatMap(({ integration, request }) =>
    request.idempotencyKey === undefined ? [] : [{ integrationId: integration.id, key: request.idempotencyKey }],
  )
  const firstAt = requests[0]!.request.receivedAt
  if ((await tx.alerts.claimIdempotencyKeys(claims, firstAt)) < claims.length) {
    throw conflict('This request was already received (same Idempotency-Key); nothing was stored again', [
      { path: 'Idempotency-Key', message: 'already used for this integration' },
    ])
  }

  const { results, slots, events, toRoute, beforeRouting, afterRouting } = applyBatch(
    requests,
    await tx.alerts.lockMany(batchKeys(requests)),
  )

  const written = [...slots.values()].filter((s) => s.write !== null)
  const rows = written.map((s) => ({ ...s.write!, id: s.id, integrationId: s.integrationId, dedupKey: s.dedupKey }))
  if ((await tx.alerts.writeMany(rows, events, requests.at(-1)!.request.receivedAt)) < rows.length) {
    throw new AlertRaceError('an alert of this batch was created concurrently')
  }

  const announce = async (list: Iterable<Settled>) => {
    for (const { alertId, ctx, status } of list)
      for (const hook of deps.hooks.alertStatusChanged) await hook(rawTx, ctx, { alertId, status })
  }
  await announce(beforeRouting)
  const incidentOf = new Map<string, string | null>()
  for (const { slot, integration, now, result } of toRoute) {
    const row = routedRow(slot, incidentOf.get(slot.id) ?? slot.row?.incident_id ?? null, integration)
    const ctx = systemContext(integration.org_id, now, `integration:${integration.name}`)
    const routed = await routeFiringAlert(deps, ctx, tx, rawTx, {
      alert: row,
      kind: integration.kind,
      rules: input.rules,
      now,
    })
    incidentOf.set(slot.id, routed.incidentId)
    result.incidentId = routed.incidentId
    if (routed.opened) input.openedIncidents.set(routed.opened.id, routed.opened.pageId)
  }
  if (toRoute.length > 0 && input.routing) input.routing.happened = true
  await announce(afterRouting.values())
  for (const result of results.flat())
    if (result.alertId && incidentOf.has(result.alertId)) result.incidentId = incidentOf.get(result.alertId)!
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

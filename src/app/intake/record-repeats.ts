import { isDbError } from '../../store/db-errors.js'
import type { OrgStore } from '../../store/store.js'
import { applyBatch, batchKeys, type BatchRequests, type IngestedAlert } from './apply-batch.js'

/**
 * The common case of an alert storm, a batch that only repeats alerts already stored, written
 * in two round trips instead of a transaction's four: read the alerts without locks, apply the
 * events, and write alerts and events in one statement that fails whole if any alert changed
 * since it was read. Returns null, having written nothing, when the batch needs more: a new alert
 * (routing may open an incident or page), an acknowledge or resolve (on-call hears of it), an
 * Idempotency-Key to claim, or an alert another batch changed in between. The caller then records
 * the batch under locks (recordBatch).
 */
export async function recordRepeats(store: OrgStore, requests: BatchRequests): Promise<IngestedAlert[][] | null> {
  if (requests.some(({ request }) => request.idempotencyKey !== undefined)) return null
  const read = await store.alerts.readMany(batchKeys(requests))
  const applied = applyBatch(requests, read)
  if (applied.toRoute.length > 0 || applied.beforeRouting.length > 0 || applied.afterRouting.size > 0) return null
  const versions = new Map(read.map((row) => [row.id, row.version]))
  const rows = []
  for (const slot of applied.slots.values()) {
    if (slot.write === null) continue
    const version = versions.get(slot.id)
    if (version === undefined) return null
    rows.push({ ...slot.write, id: slot.id, integrationId: slot.integrationId, dedupKey: slot.dedupKey, version })
  }
  try {
    await store.alerts.updateManyIfUnchanged(rows, applied.events, requests.at(-1)!.request.receivedAt)
  } catch (error) {
    // 40001: an alert changed since the read; 40P01: a deadlock, which key order should prevent.
    if (isDbError(error, '40001') || isDbError(error, '40P01')) return null
    throw error
  }
  return applied.results
}

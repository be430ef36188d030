import type { ClaimedDelivery, OutboxPort } from '../delivery/worker/outbox-port.js'

type Where = { orgId: string; incidentId: string }
export type DeliveryChanged = (where: Where) => void

/**
 * The outbox as the worker sees it, telling `changed` (after each write, outside any
 * transaction) which incidents' messages moved: sent, retrying, failed or skipped. It remembers
 * the incident of each claimed row until the row is settled or handed back.
 */
export function announcingOutbox(port: OutboxPort, changed: DeliveryChanged): OutboxPort {
  const rows = new Map<string, Where>()
  const batches = new Map<string, Where>()
  const whereOf = (d: ClaimedDelivery): Where | null =>
    d.orgId && d.incidentId ? { orgId: d.orgId, incidentId: d.incidentId } : null
  const tell = (places: Iterable<Where | undefined>) => {
    const seen = new Set<string>()
    for (const w of places) {
      if (!w || seen.has(`${w.orgId}/${w.incidentId}`)) continue
      seen.add(`${w.orgId}/${w.incidentId}`)
      changed(w)
    }
  }
  const settle = (ids: readonly string[]) => {
    const places = ids.map((id) => rows.get(id))
    for (const id of ids) rows.delete(id)
    tell(places)
  }
  const wrapped: OutboxPort = {
    ...port,
    async claim(channels, limit, now, leaseMs) {
      const claimed = await port.claim(channels, limit, now, leaseMs)
      for (const d of claimed) {
        const w = whereOf(d)
        if (w) rows.set(d.id, w)
      }
      return claimed
    },
    async markSent(ids, now) {
      await port.markSent(ids, now)
      settle(ids)
    },
    async markSkipped(marks, now) {
      await port.markSkipped(marks, now)
      settle(marks.map((m) => m.id))
    },
    async markRetrying(marks, now) {
      await port.markRetrying(marks, now)
      settle(marks.map((m) => m.id))
    },
    async markFailed(marks, now) {
      const disabled = await port.markFailed(marks, now)
      settle(marks.map((m) => m.id))
      return disabled
    },
    async release(ids, now) {
      await port.release(ids, now)
      for (const id of ids) rows.delete(id)
    },
  }
  if (port.claimBatch) {
    const claimBatch = port.claimBatch.bind(port)
    wrapped.claimBatch = async (channel, now, leaseMs) => {
      const batch = await claimBatch(channel, now, leaseMs)
      const w = batch?.deliveries.map(whereOf).find((x) => x !== null)
      if (batch && w) batches.set(batch.id, w)
      return batch
    }
  }
  if (port.ackBatch) {
    const ackBatch = port.ackBatch.bind(port)
    wrapped.ackBatch = async (ack, now) => {
      const disabled = await ackBatch(ack, now)
      const w = batches.get(ack.batchId)
      if (ack.outcome !== 'progress') batches.delete(ack.batchId)
      tell([w])
      return disabled
    }
  }
  return wrapped
}

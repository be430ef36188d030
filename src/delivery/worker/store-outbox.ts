import { type FailureStreak, recordFinalOutcome } from '../../domain/delivery/persistent-failure.js'
import type { Audience, MessageStage } from '../../domain/template/message-kinds.js'
import { type ClaimedRow, outboxStore } from '../../store/outbox-store.js'
import type { Db, Executor } from '../../store/schema/index.js'
import type { ClaimedDelivery, DeliveryKind, FailMark, OutboxPort } from './outbox-port.js'

type RunTransaction = <T>(name: string, fn: (trx: Executor) => Promise<T>) => Promise<T>

const toClaimed = (row: ClaimedRow): ClaimedDelivery => ({
  id: row.id,
  orgId: row.org_id,
  pageId: row.page_id,
  kind: row.kind as DeliveryKind,
  updateId: row.update_id,
  incidentId: row.incident_id,
  subscriberId: row.subscriber_id,
  sourceId: row.source_id,
  content: row.content,
  channel: row.channel,
  stage: row.stage as MessageStage | null,
  attempts: row.attempts,
  address: row.address,
  locale: row.locale,
  audience: (row.audience === 'technical' ? 'technical' : 'customer') satisfies Audience,
  secret: row.secret,
  subscriberState: row.subscriber_state,
  confirmationExpiresAt: row.confirmation_expires_at,
  isFailing: row.consecutive_failures > 0,
})

/**
 * The outbox on the database. Every write is one short statement or transaction of its own:
 * the worker sends between them, never inside one. Final failures of subscriber messages feed
 * the persistent-failure rule (domain/delivery/persistent-failure.ts) in the transaction that
 * records them.
 */
export function storeOutbox(
  db: Db,
  run: RunTransaction,
  options: { isEmbedded: boolean; clock: () => Date },
): OutboxPort {
  const store = outboxStore(db)
  return {
    async claim(channels, limit, now, leaseMs) {
      const claimed: ClaimedDelivery[] = []
      for (const channel of channels) {
        await store.reclaimExpired(channel, now)
        const rows = await store.claim(channel, limit - claimed.length, now, new Date(now.getTime() + leaseMs))
        claimed.push(...rows.map(toClaimed))
      }
      return claimed
    },
    markSent: (ids, now) => store.markSent(ids, now),
    markSkipped: (marks, now) => store.markSkipped(marks, now),
    markRetrying: (marks, now) => store.markRetrying(marks, now),
    release: (ids, now) => store.release(ids, now),
    releaseRelayHolds: (channel, now) => store.releaseRelayHolds(channel, now),
    markFailed: (marks, now) =>
      run('delivery: record failure', async (trx) => {
        const tx = outboxStore(trx)
        await tx.markFailed(marks, now)
        return applyFailureRule(tx, marks, now)
      }),
    resetFailureStreaks: (ids) => store.resetStreaks(ids),
    async claimBatch(channel, now, leaseMs) {
      const batch = await store.claimBatch(channel, now, new Date(now.getTime() + leaseMs))
      if (!batch) return null
      return { id: batch.id, channel: batch.channel, deliveries: (await store.loadBatch(batch)).map(toClaimed) }
    },
    ackBatch: (ack, now) =>
      run('delivery: ack batch', async (trx) => {
        const tx = outboxStore(trx)
        const exceptions = ack.exceptions.map((e) => ({
          id: e.delivery.id,
          status: e.kind,
          ...(e.kind === 'retrying'
            ? { nextAttemptAt: e.nextAttemptAt, error: e.error, errorClass: e.errorClass }
            : {}),
          ...(e.kind === 'failed' ? { error: e.error } : {}),
          ...(e.kind === 'skipped' ? { error: e.reason } : {}),
        }))
        await tx.ackBatch(ack.batchId, ack.ackedUpto ?? '0', ack.outcome, exceptions, now)
        if (ack.recovered.length) await tx.resetStreaks(ack.recovered)
        const failed = ack.exceptions.flatMap((e) =>
          e.kind === 'failed'
            ? [{ id: e.delivery.id, subscriberId: e.delivery.subscriberId, error: e.error, isGone: e.isGone }]
            : [],
        )
        return failed.length ? applyFailureRule(tx, failed, now) : []
      }),
    extendBatchLease: (batchId, until) => store.extendBatchLease(batchId, until),
    extendLease: (ids, until) => store.extendLease(ids, until),
    // PGlite lives in this one process: whatever is marked in flight was left by a process that is gone.
    ...(options.isEmbedded ? { releaseAllLeases: () => store.releaseAllLeases(options.clock()) } : {}),
  }
}

/** Only subscriber messages count towards disabling a subscription. */
async function applyFailureRule(tx: ReturnType<typeof outboxStore>, marks: readonly FailMark[], now: Date) {
  const subscriberIds = [...new Set(marks.flatMap((m) => (m.subscriberId ? [m.subscriberId] : [])))]
  if (subscriberIds.length === 0) return []
  const rows = await tx.streaksFor(subscriberIds)
  const disabled: { subscriberId: string; reason: string }[] = []
  for (const row of rows) {
    let streak: FailureStreak = { consecutiveFailures: row.consecutive_failures, failingSince: row.failing_since }
    let disable: { reason: string } | null = null
    for (const mark of marks.filter((m) => m.subscriberId === row.id)) {
      const result = recordFinalOutcome(streak, { kind: 'failed', isGone: mark.isGone, reason: mark.error }, now)
      streak = result.streak
      disable ??= result.disable
    }
    const shouldDisable = disable !== null && row.state === 'active'
    await tx.saveStreak(row.id, streak, shouldDisable ? disable : null, now)
    if (shouldDisable && disable) disabled.push({ subscriberId: row.id, reason: disable.reason })
  }
  return disabled
}

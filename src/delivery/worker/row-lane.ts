import { eachLimited, isMoot, retryDecision, sendOne, type LaneContext } from './lane-tools.js'
import type { ClaimedDelivery, OutboxPort } from './outbox-port.js'

export interface RowLaneOptions {
  batchSize: number
  concurrency: number
  leaseMs: number
}

/**
 * Single deliveries (confirmation mails) and retries, each leased on its own row. They are
 * few, so each outcome is written as soon as it is known.
 */
export async function runRowLane(ctx: LaneContext, outbox: OutboxPort, options: RowLaneOptions): Promise<void> {
  while (ctx.isRunning()) {
    let claimed: ClaimedDelivery[]
    try {
      claimed = await outbox.claim([ctx.channel.kind], options.batchSize, ctx.now(), options.leaseMs)
    } catch (error) {
      ctx.onError(error)
      await ctx.idle()
      continue
    }
    if (claimed.length === 0) {
      await ctx.idle()
      continue
    }
    const unfinished = new Set(claimed.map((c) => c.id))
    const renew = setInterval(() => {
      void outbox.extendLease([...unfinished], new Date(ctx.now().getTime() + options.leaseMs)).catch(ctx.onError)
    }, options.leaseMs / 3)
    try {
      await eachLimited(claimed, options.concurrency, async (delivery) => {
        await settle(ctx, outbox, delivery).catch(ctx.onError)
        unfinished.delete(delivery.id)
      })
    } finally {
      clearInterval(renew)
    }
  }
}

async function settle(ctx: LaneContext, outbox: OutboxPort, delivery: ClaimedDelivery): Promise<void> {
  const now = () => ctx.now()
  if (isMoot(delivery, now())) return outbox.markSkipped([delivery.id], now())
  const result = await sendOne(ctx, delivery)
  if (result.ok) {
    await outbox.markSent([delivery.id], now())
    if (delivery.isFailing) await outbox.resetFailureStreaks([delivery.subscriberId])
    return
  }
  const decision = retryDecision(ctx, delivery, delivery.attempts, result)
  if (decision.kind === 'retry')
    return outbox.markRetrying(
      [{ id: delivery.id, nextAttemptAt: decision.nextAttemptAt, error: result.reason }],
      now(),
    )
  const disabled = await outbox.markFailed(
    [{ id: delivery.id, subscriberId: delivery.subscriberId, error: result.reason, isGone: result.kind === 'gone' }],
    now(),
  )
  for (const d of disabled) ctx.onDisabled(d.subscriberId, d.reason)
}

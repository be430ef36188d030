import { eachLimited, type LaneContext, retryDecision, sendOne } from './lane-tools.js'
import type { ClaimedDelivery, OutboxPort } from './outbox-port.js'

export interface RowLaneOptions {
  batchSize: number
  concurrency: number
  leaseMs: number
}

/**
 * One pass of the row lane: single messages (pages, notices, account mail, confirmations) and
 * retries, each leased on its own row, each outcome written as soon as it is known. Rows not
 * yet tried when the worker stops go back at once. Returns how many rows it claimed.
 */
export async function runRowsOnce(
  ctx: LaneContext,
  outbox: OutboxPort,
  options: RowLaneOptions,
  stopping: AbortSignal,
): Promise<number> {
  if (!ctx.health.isUp() || stopping.aborted) return 0
  const claimed = await outbox.claim([ctx.channel.kind], options.batchSize, ctx.now(), options.leaseMs)
  if (claimed.length === 0) return 0
  const unfinished = new Set(claimed.map((c) => c.id))
  const renew = setInterval(() => {
    void outbox.extendLease([...unfinished], new Date(ctx.now().getTime() + options.leaseMs)).catch(ctx.onError)
  }, options.leaseMs / 3)
  try {
    await eachLimited(
      claimed,
      options.concurrency,
      async (delivery) => {
        await settle(ctx, outbox, delivery, stopping).catch(ctx.onError)
        unfinished.delete(delivery.id)
      },
      () => stopping.aborted || !ctx.health.isUp(),
    )
    // Stopped, or the relay went away, before their turn: handed back untried, the attempt not counted.
    if (unfinished.size > 0) await outbox.release([...unfinished], ctx.now())
  } finally {
    clearInterval(renew)
  }
  return claimed.length
}

async function settle(ctx: LaneContext, outbox: OutboxPort, delivery: ClaimedDelivery, stopping: AbortSignal) {
  const now = () => ctx.now()
  const outcome = await sendOne(ctx, delivery, stopping)
  switch (outcome.kind) {
    case 'abandoned':
      return outbox.release([delivery.id], now())
    case 'skipped':
      return outbox.markSkipped([{ id: delivery.id, reason: outcome.reason }], now())
    case 'sent':
      await outbox.markSent([delivery.id], now())
      if (delivery.isFailing && delivery.subscriberId) await outbox.resetFailureStreaks([delivery.subscriberId])
      return
  }
  const { result } = outcome
  const isRelayDown = result.kind === 'unavailable'
  if (isRelayDown) ctx.health.markDown(result.reason)
  const decision = retryDecision(ctx, delivery, delivery.attempts, result)
  if (decision.kind === 'retry') {
    return outbox.markRetrying(
      [
        {
          id: delivery.id,
          nextAttemptAt: decision.nextAttemptAt,
          error: result.reason,
          ...(isRelayDown ? { errorClass: 'relay' } : {}),
        },
      ],
      now(),
    )
  }
  const disabled = await outbox.markFailed(
    [{ id: delivery.id, subscriberId: delivery.subscriberId, error: result.reason, isGone: result.kind === 'gone' }],
    now(),
  )
  for (const d of disabled) ctx.onDisabled(d.subscriberId, d.reason)
}

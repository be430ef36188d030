import { createBatchProgress } from './batch-progress.js'
import { eachLimited, isMoot, retryDecision, sendOne, type LaneContext } from './lane-tools.js'
import type { BatchAck, BatchException, ClaimedBatch, OutboxPort } from './outbox-port.js'

export interface BatchLaneOptions {
  concurrency: number
  leaseMs: number
  flushEvery: number
}

/**
 * Works through fan-out batches of one channel: lease a batch, send its deliveries with
 * bounded concurrency, and record progress as a watermark every `flushEvery` messages.
 * A crash repeats at most the deliveries sent above the last recorded watermark.
 */
export async function runBatchLane(ctx: LaneContext, outbox: OutboxPort, options: BatchLaneOptions): Promise<void> {
  if (!outbox.claimBatch || !outbox.ackBatch) return
  while (ctx.isRunning()) {
    let batch: ClaimedBatch | null
    try {
      batch = await outbox.claimBatch(ctx.channel.kind, ctx.now(), options.leaseMs)
    } catch (error) {
      ctx.onError(error)
      await ctx.idle()
      continue
    }
    if (!batch) {
      await ctx.idle()
      continue
    }
    await sendBatch(ctx, outbox, batch, options).catch(ctx.onError)
  }
}

async function sendBatch(
  ctx: LaneContext,
  outbox: OutboxPort,
  batch: ClaimedBatch,
  options: BatchLaneOptions,
): Promise<void> {
  const { deliveries } = batch
  const progress = createBatchProgress(deliveries.length)
  let exceptions: BatchException[] = []
  let recovered: string[] = []
  let sinceAck = 0
  let acking: Promise<void> = Promise.resolve()
  const ack = (isDone: boolean) => {
    const done = progress.doneCount()
    const payload: BatchAck = {
      batchId: batch.id,
      ackedUpto: done > 0 ? deliveries[done - 1]!.id : null,
      isDone,
      exceptions,
      recovered,
    }
    exceptions = []
    recovered = []
    sinceAck = 0
    acking = acking.then(async () => {
      const disabled = await outbox.ackBatch!(payload, ctx.now())
      for (const d of disabled) ctx.onDisabled(d.subscriberId, d.reason)
    })
    return acking
  }
  const renew = setInterval(() => {
    void outbox.extendBatchLease?.(batch.id, new Date(ctx.now().getTime() + options.leaseMs)).catch(ctx.onError)
  }, options.leaseMs / 3)
  try {
    await eachLimited(deliveries, options.concurrency, async (delivery, index) => {
      if (isMoot(delivery, ctx.now())) {
        exceptions.push({ kind: 'skipped', delivery })
      } else {
        const result = await sendOne(ctx, delivery)
        if (result.ok) {
          if (delivery.isFailing) recovered.push(delivery.subscriberId)
        } else {
          const decision = retryDecision(ctx, delivery, delivery.attempts + 1, result)
          exceptions.push(
            decision.kind === 'retry'
              ? { kind: 'retrying', delivery, nextAttemptAt: decision.nextAttemptAt, error: result.reason }
              : { kind: 'failed', delivery, error: result.reason, isGone: result.kind === 'gone' },
          )
        }
      }
      progress.finish(index)
      if (++sinceAck >= options.flushEvery) void ack(false).catch(ctx.onError)
    })
    await ack(true)
  } finally {
    clearInterval(renew)
  }
}

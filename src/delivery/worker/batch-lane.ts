import { createBatchProgress } from './batch-progress.js'
import { eachLimited, type LaneContext, retryDecision, sendOne } from './lane-tools.js'
import type { BatchAck, BatchException, ClaimedBatch, OutboxPort } from './outbox-port.js'

export interface BatchLaneOptions {
  concurrency: number
  leaseMs: number
  flushEvery: number
}

/**
 * One pass of a batch lane: lease one batch of a fan-out, send its deliveries with bounded
 * concurrency, and record progress as a watermark every `flushEvery` messages. A crash repeats
 * at most the deliveries sent above the last recorded watermark. Returns how many it handled.
 */
export async function runBatchOnce(
  ctx: LaneContext,
  outbox: OutboxPort,
  options: BatchLaneOptions,
  stopping: AbortSignal,
): Promise<number> {
  if (!outbox.claimBatch || !outbox.ackBatch || !ctx.health.isUp() || stopping.aborted) return 0
  const batch = await outbox.claimBatch(ctx.channel.kind, ctx.now(), options.leaseMs)
  if (!batch) return 0
  await sendBatch(ctx, outbox, batch, options, stopping)
  return Math.max(1, batch.deliveries.length)
}

async function sendBatch(
  ctx: LaneContext,
  outbox: OutboxPort,
  batch: ClaimedBatch,
  options: BatchLaneOptions,
  stopping: AbortSignal,
): Promise<void> {
  const { deliveries } = batch
  const progress = createBatchProgress(deliveries.length)
  const sentAt = new Set<number>()
  let exceptions: BatchException[] = []
  let recovered: string[] = []
  let sinceAck = 0
  // The relay went away or the worker stops: the rest of the batch stays pending for the next claim.
  let isLetGo = false
  let acking: Promise<void> = Promise.resolve()
  const ack = (outcome: BatchAck['outcome']) => {
    const done = progress.doneCount()
    if (outcome === 'released') {
      for (const index of sentAt) if (index >= done) exceptions.push({ kind: 'sent', delivery: deliveries[index]! })
    }
    const payload: BatchAck = {
      batchId: batch.id,
      ackedUpto: done > 0 ? deliveries[done - 1]!.id : null,
      outcome,
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
    await eachLimited(
      deliveries,
      options.concurrency,
      async (delivery, index) => {
        const outcome = await sendOne(ctx, delivery, stopping)
        if (outcome.kind === 'abandoned') {
          isLetGo = true
          return
        }
        if (outcome.kind === 'failed' && outcome.result.kind === 'unavailable') {
          ctx.health.markDown(outcome.result.reason)
          isLetGo = true
          return
        }
        if (outcome.kind === 'sent') {
          sentAt.add(index)
          if (delivery.isFailing && delivery.subscriberId) recovered.push(delivery.subscriberId)
        } else if (outcome.kind === 'skipped') {
          exceptions.push({ kind: 'skipped', delivery, reason: outcome.reason })
        } else {
          const decision = retryDecision(ctx, delivery, delivery.attempts + 1, outcome.result)
          exceptions.push(
            decision.kind === 'retry'
              ? { kind: 'retrying', delivery, nextAttemptAt: decision.nextAttemptAt, error: outcome.result.reason }
              : { kind: 'failed', delivery, error: outcome.result.reason, isGone: outcome.result.kind === 'gone' },
          )
        }
        progress.finish(index)
        if (++sinceAck >= options.flushEvery) void ack('progress').catch(ctx.onError)
      },
      () => isLetGo || stopping.aborted,
    )
    await ack(isLetGo || !progress.isComplete() ? 'released' : 'done')
  } finally {
    clearInterval(renew)
  }
}

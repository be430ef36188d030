import {
  decideRetry,
  type RandomSource,
  type RetryPolicy,
  type RetryDecision,
} from '../../domain/delivery/retry-schedule.js'
import type { DeliveryChannel, SendResult } from '../channels/channel.js'
import type { MessageComposer } from './message-composer.js'
import type { ClaimedDelivery } from './outbox-port.js'
import type { RateGate } from './rate-gate.js'

/** What every lane shares: sending one delivery, deciding about a failure, sleeping until woken. */
export interface LaneContext {
  channel: DeliveryChannel
  composer: MessageComposer
  gate: RateGate
  now: () => Date
  random: RandomSource
  policy: RetryPolicy
  isRunning: () => boolean
  idle: () => Promise<void>
  onError: (error: unknown) => void
  onDisabled: (subscriberId: string, reason: string) => void
}

export async function sendOne(ctx: LaneContext, delivery: ClaimedDelivery): Promise<SendResult> {
  try {
    const message = await ctx.composer.compose(delivery)
    await ctx.gate.pass()
    return await ctx.channel.send(message)
  } catch (error) {
    return { ok: false, kind: 'retry', reason: `could not compose or send: ${(error as Error).message}`.slice(0, 300) }
  }
}

export function retryDecision(
  ctx: LaneContext,
  _delivery: ClaimedDelivery,
  attempts: number,
  result: SendResult & { ok: false },
): RetryDecision {
  return decideRetry(
    {
      attempts,
      now: ctx.now(),
      isPermanent: result.kind !== 'retry',
      ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
    },
    ctx.random,
    ctx.policy,
  )
}

/** The subscriber left after the row was queued, or the confirmation is no longer wanted or valid. */
export function isMoot(delivery: ClaimedDelivery, now: Date): boolean {
  if (delivery.kind === 'confirmation') {
    return (
      delivery.subscriberState !== 'pending' ||
      (delivery.confirmationExpiresAt !== null && delivery.confirmationExpiresAt <= now)
    )
  }
  return delivery.subscriberState !== 'active'
}

export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      await fn(items[index] as T, index)
    }
  })
  await Promise.all(runners)
}

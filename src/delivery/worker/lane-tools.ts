import {
  decideRetry,
  type RandomSource,
  type RetryDecision,
  type RetryPolicy,
} from '../../domain/delivery/retry-schedule.js'
import type { DeliveryChannel, SendResult } from '../channels/channel.js'
import type { ChannelHealth } from './channel-health.js'
import type { MessageComposer } from './message-composer.js'
import type { ClaimedDelivery, DeliveryKind } from './outbox-port.js'
import type { RateGate } from './rate-gate.js'

/** What every lane shares: sending one delivery, deciding about a failure. */
export interface LaneContext {
  channel: DeliveryChannel
  composer: MessageComposer
  gate: RateGate
  health: ChannelHealth
  now: () => Date
  random: RandomSource
  policyFor(kind: DeliveryKind): RetryPolicy
  /** A send that takes longer is abandoned: its connection dropped, the row retried. */
  sendTimeoutMs: number
  /** The deadline of a send starting now (`sharedDeadlines(sendTimeoutMs)`), with the worker's stop signal. */
  deadline: (stopping: AbortSignal) => AbortSignal
  onError: (error: unknown) => void
  onDisabled: (subscriberId: string, reason: string) => void
}

/** How one attempt ended: sent, not needed any more, failed, or let go untried because the worker stops. */
export type Outcome =
  | { kind: 'sent' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; result: SendResult & { ok: false } }
  | { kind: 'abandoned' }

export async function sendOne(ctx: LaneContext, delivery: ClaimedDelivery, stopping: AbortSignal): Promise<Outcome> {
  let composed: Awaited<ReturnType<MessageComposer['compose']>>
  try {
    composed = await ctx.composer.compose(delivery, ctx.now())
  } catch (error) {
    const reason = `could not compose the message: ${(error as Error).message}`.slice(0, 300)
    return { kind: 'failed', result: { ok: false, kind: 'retry', reason } }
  }
  if ('skip' in composed) return { kind: 'skipped', reason: composed.skip }
  await ctx.gate.pass()
  if (stopping.aborted) return { kind: 'abandoned' }
  const signal = ctx.deadline(stopping)
  // The signal is shared by every send of its time slice: each removes its own listener when done.
  let onAbort = () => {}
  const abandoned = new Promise<'abandoned'>((resolve) => {
    onAbort = () => resolve('abandoned')
    if (signal.aborted) resolve('abandoned')
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  const result = await Promise.race([
    ctx.channel.send(composed.message, { signal }).catch(
      (error: Error): SendResult => ({
        ok: false,
        kind: 'retry',
        reason: `send failed: ${error.message}`.slice(0, 300),
      }),
    ),
    abandoned,
  ])
  signal.removeEventListener('abort', onAbort)
  if (result !== 'abandoned' && result.ok) return { kind: 'sent' }
  // Cut short because the worker stops: not an attempt, the row goes back as it was.
  if (stopping.aborted) return { kind: 'abandoned' }
  if (result === 'abandoned') {
    // Nothing answered in time: a mail relay that stalls is down for every message, a webhook only for its own.
    const reason = `no answer within ${ctx.sendTimeoutMs} ms`
    return {
      kind: 'failed',
      result: { ok: false, kind: ctx.channel.kind === 'email' ? 'unavailable' : 'retry', reason },
    }
  }
  return { kind: 'failed', result }
}

export function retryDecision(
  ctx: LaneContext,
  delivery: ClaimedDelivery,
  attempts: number,
  result: SendResult & { ok: false },
): RetryDecision {
  const isPermanent = result.kind === 'permanent' || result.kind === 'gone'
  return decideRetry(
    {
      attempts,
      now: ctx.now(),
      isPermanent,
      ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
    },
    ctx.random,
    ctx.policyFor(delivery.kind),
  )
}

export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !shouldStop()) {
      const index = next++
      await fn(items[index] as T, index)
    }
  })
  await Promise.all(runners)
}

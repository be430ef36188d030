import { sharedDeadlines } from '../shared-deadlines.js'
import { type PollLoop, pollLoop } from '../../app/poll-loop.js'
import {
  defaultRetryPolicy,
  pageRetryPolicy,
  type RandomSource,
  type RetryPolicy,
} from '../../domain/delivery/retry-schedule.js'
import type { TokenBucketConfig } from '../../domain/delivery/token-bucket.js'
import type { ChannelRegistry } from '../channels/channel-registry.js'
import { runBatchOnce } from './batch-lane.js'
import { type ChannelHealth, type ChannelHealthState, channelHealth } from './channel-health.js'
import type { LaneContext } from './lane-tools.js'
import type { MessageComposer } from './message-composer.js'
import type { DeliveryKind, OutboxPort } from './outbox-port.js'
import { createRateGate } from './rate-gate.js'
import { runRowsOnce } from './row-lane.js'

export interface WorkerOptions {
  /** Batch lanes per channel: at most `lanes × batch size` deliveries are in flight, the crash-repeat window. */
  lanes: number
  /** Sends in parallel per lane. */
  concurrency: number
  /** Single messages claimed at once by the row lane. */
  batchSize: number
  leaseMs: number
  idlePollMs: number
  /** A batch's watermark is recorded after this many messages. */
  flushEvery: number
  /** The retry rule's timings for customer messages; pages use the urgent ones (domain/delivery/retry-schedule). */
  retryPolicy: RetryPolicy
  /** Messages per second per channel kind; absent or null is unlimited. */
  rateLimits: Record<string, TokenBucketConfig | null>
  /** A send that takes longer is abandoned (its connection dropped) and retried. */
  sendTimeoutMs: number
  /** How often an unreachable mail relay is asked again. */
  relayProbeMs: number
  /** How long stopping waits for sends in flight before cutting them. */
  stopGraceMs: number
}

export const defaultWorkerOptions: WorkerOptions = {
  lanes: 2,
  concurrency: 64,
  batchSize: 100,
  leaseMs: 60_000,
  idlePollMs: 1_000,
  flushEvery: 100,
  retryPolicy: defaultRetryPolicy,
  rateLimits: {},
  sendTimeoutMs: 30_000,
  relayProbeMs: 5_000,
  stopGraceMs: 2_000,
}

export interface WorkerDeps {
  outbox: OutboxPort
  registry: ChannelRegistry
  composer: MessageComposer
  logger: { error(fields: object, message: string): void; warn?(fields: object, message: string): void }
  now?: () => Date
  random?: RandomSource
  onDisabled?: (subscriberId: string, reason: string) => void
  /** Deliveries per fan-out batch (the store's), for the reported in-flight window. */
  batchSize?: number
}

export interface DeliveryWorker {
  start(): Promise<void>
  /** Look for work now (something was just queued). */
  wake(): void
  /** Resolves once every lane has found nothing due that it can send. */
  drained(): Promise<void>
  stop(): Promise<void>
  /** Each channel's relay: reachable, or down since when and why. */
  health(): Record<string, ChannelHealthState>
  /** Deliveries in flight per channel at most: the crash-repeat window. */
  readonly inFlightWindow: number
}

/**
 * Sends what the outbox holds. Per channel: `lanes` batch lanes working through fan-outs and
 * one lane for single messages and retries, each a poll loop; slow webhooks never hold up
 * email, and a relay that is down holds up only its own channel.
 */
export function createDeliveryWorker(deps: WorkerDeps, partial: Partial<WorkerOptions> = {}): DeliveryWorker {
  const options = { ...defaultWorkerOptions, ...partial }
  const now = deps.now ?? (() => new Date())
  const loops: PollLoop[] = []
  const healths = new Map<string, ChannelHealth>()
  const policyFor = (kind: DeliveryKind): RetryPolicy => (kind === 'page' ? pageRetryPolicy : options.retryPolicy)
  const onError = (error: unknown) => deps.logger.error({ err: error }, 'delivery worker error')
  const wake = () => {
    for (const loop of loops) loop.wake()
  }

  for (const kind of deps.registry.kinds()) {
    const channel = deps.registry.get(kind)
    const health = channelHealth({
      channel,
      probeMs: options.relayProbeMs,
      now,
      onError,
      async onRecovered() {
        const released = await deps.outbox.releaseRelayHolds(kind, now())
        deps.logger.warn?.({ channel: kind, released }, `the ${kind} relay answers again; sending what waited`)
        wake()
      },
    })
    healths.set(kind, health)
    const ctx: LaneContext = {
      channel,
      composer: deps.composer,
      gate: createRateGate(options.rateLimits[kind] ?? null),
      health,
      now,
      random: deps.random ?? Math.random,
      policyFor,
      sendTimeoutMs: options.sendTimeoutMs,
      deadline: sharedDeadlines(options.sendTimeoutMs),
      onError,
      onDisabled: (id, reason) => deps.onDisabled?.(id, reason),
    }
    const loop = (name: string, run: (signal: AbortSignal) => Promise<number>) =>
      loops.push(
        pollLoop({ name, run, idleMs: options.idlePollMs, logger: deps.logger, stopGraceMs: options.stopGraceMs }),
      )
    for (let i = 0; i < options.lanes; i++)
      loop(`delivery: ${kind} fan-out lane ${i + 1}`, (signal) => runBatchOnce(ctx, deps.outbox, options, signal))
    loop(`delivery: ${kind} messages`, (signal) => runRowsOnce(ctx, deps.outbox, options, signal))
  }

  return {
    inFlightWindow: options.lanes * (deps.batchSize ?? 500) + options.batchSize,
    async start() {
      if (deps.outbox.releaseAllLeases) await deps.outbox.releaseAllLeases().catch(onError)
      for (const loop of loops) await loop.start()
    },
    wake,
    async drained() {
      await Promise.all(loops.map((loop) => loop.drained()))
    },
    health: () => Object.fromEntries([...healths].map(([kind, h]) => [kind, h.state()])),
    async stop() {
      for (const health of healths.values()) health.stop()
      await Promise.all(loops.map((loop) => loop.stop()))
    },
  }
}

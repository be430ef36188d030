import { defaultRetryPolicy, type RandomSource, type RetryPolicy } from '../../domain/delivery/retry-schedule.js'
import type { TokenBucketConfig } from '../../domain/delivery/token-bucket.js'
import type { ChannelRegistry } from '../channels/channel-registry.js'
import { runBatchLane } from './batch-lane.js'
import type { LaneContext } from './lane-tools.js'
import type { MessageComposer } from './message-composer.js'
import type { OutboxPort } from './outbox-port.js'
import { createRateGate } from './rate-gate.js'
import { runRowLane } from './row-lane.js'

/**
 * Sends what the outbox holds. Per channel: `lanes` batch lanes working through fan-outs,
 * and one lane for single deliveries and retries; slow webhooks never hold up email. Each
 * channel has its own rate gate (token bucket).
 */
export interface WorkerOptions {
  /** Batch lanes per channel: at most `lanes × batch size` deliveries are in flight, the crash-repeat window. */
  lanes: number
  /** Sends in parallel per lane. */
  concurrency: number
  /** Single deliveries claimed at once by the row lane. */
  batchSize: number
  leaseMs: number
  idlePollMs: number
  /** A batch's watermark is recorded after this many messages. */
  flushEvery: number
  retryPolicy: RetryPolicy | Record<string, RetryPolicy>
  /** Messages per second per channel kind; absent or null is unlimited. */
  rateLimits: Record<string, TokenBucketConfig | null>
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
}

export interface WorkerDeps {
  outbox: OutboxPort
  registry: ChannelRegistry
  composer: MessageComposer
  now?: () => Date
  random?: RandomSource
  onDisabled?: (subscriberId: string, reason: string) => void
  onError?: (error: unknown) => void
  /** Deliveries per fan-out batch (the store's), for the reported in-flight window. */
  batchSize?: number
}

export interface DeliveryWorker {
  /** Look for work now (called after an update is published). */
  wake(): void
  stop(): Promise<void>
  /** Deliveries in flight per channel at most: the crash-repeat window. */
  readonly inFlightWindow: number
}

export function startDeliveryWorker(deps: WorkerDeps, partial: Partial<WorkerOptions> = {}): DeliveryWorker {
  const options = { ...defaultWorkerOptions, ...partial }
  let running = true
  const sleepers = new Set<() => void>()
  const wake = () => {
    for (const resolve of sleepers) resolve()
    sleepers.clear()
  }
  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (sleepers.delete(done), resolve()), options.idlePollMs)
      const done = () => (clearTimeout(timer), resolve())
      sleepers.add(done)
    })
  const policyFor = (kind: string): RetryPolicy =>
    'maxAttempts' in options.retryPolicy
      ? (options.retryPolicy as RetryPolicy)
      : ((options.retryPolicy as Record<string, RetryPolicy>)[kind] ?? defaultRetryPolicy)

  const lanes: Promise<void>[] = []
  const start = async () => {
    if (deps.outbox.releaseAllLeases) await deps.outbox.releaseAllLeases().catch(deps.onError)
    for (const kind of deps.registry.kinds()) {
      const ctx: LaneContext = {
        channel: deps.registry.get(kind),
        composer: deps.composer,
        gate: createRateGate(options.rateLimits[kind] ?? null),
        now: deps.now ?? (() => new Date()),
        random: deps.random ?? Math.random,
        policy: policyFor(kind),
        isRunning: () => running,
        idle,
        onError: (error) => deps.onError?.(error),
        onDisabled: (id, reason) => deps.onDisabled?.(id, reason),
      }
      for (let i = 0; i < options.lanes; i++) lanes.push(runBatchLane(ctx, deps.outbox, options))
      lanes.push(runRowLane(ctx, deps.outbox, options))
    }
  }
  const started = start()

  return {
    wake,
    inFlightWindow: options.lanes * (deps.batchSize ?? 500) + options.batchSize,
    async stop() {
      running = false
      wake()
      await started
      await Promise.all(lanes)
    },
  }
}

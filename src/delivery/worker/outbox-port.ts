import type { Audience, MessageStage } from '../../domain/template/message-kinds.js'

/** One outbox row a worker has claimed, with what it needs to address the message. */
export interface ClaimedDelivery {
  id: string
  orgId: string
  pageId: string
  /** 'update': an incident update to a subscriber; 'confirmation': the double opt-in mail. */
  kind: 'update' | 'confirmation'
  updateId: string | null
  subscriberId: string
  channel: string
  stage: MessageStage | null
  /** Attempts so far, this one included. */
  attempts: number
  address: string
  locale: string | null
  audience: Audience
  /** Webhook signing secret. */
  secret: string | null
  subscriberState: string
  confirmationExpiresAt: Date | null
  /** The subscriber is on a failure streak that a successful delivery ends. */
  isFailing?: boolean
}

/** A leased batch of a fan-out: its deliveries not yet done, in the order its watermark moves. */
export interface ClaimedBatch {
  id: string
  channel: string
  deliveries: ClaimedDelivery[]
}

/** A batched delivery that did not simply go out: it is retried alone, failed, or skipped. */
export type BatchException =
  | { kind: 'retrying'; delivery: ClaimedDelivery; nextAttemptAt: Date; error: string }
  | { kind: 'failed'; delivery: ClaimedDelivery; error: string; isGone: boolean }
  | { kind: 'skipped'; delivery: ClaimedDelivery }

export interface BatchAck {
  batchId: string
  /** Every delivery up to this id is done (sent or among the exceptions); null: none yet. */
  ackedUpto: string | null
  isDone: boolean
  exceptions: BatchException[]
  /** Subscribers on a failure streak who just received a message. */
  recovered: string[]
}

export interface RetryMark {
  id: string
  nextAttemptAt: Date
  error: string
}

export interface FailMark {
  id: string
  subscriberId: string
  error: string
  isGone: boolean
}

/**
 * What the worker needs from storage. Claims are leases: a row claimed by a process that
 * died becomes claimable again when `leaseMs` has passed.
 */
export interface OutboxPort {
  claim(channels: readonly string[], limit: number, now: Date, leaseMs: number): Promise<ClaimedDelivery[]>
  markSent(ids: readonly string[], now: Date): Promise<void>
  /** Not sent because the subscriber left (or the confirmation is moot) after the row was queued. */
  markSkipped(ids: readonly string[], now: Date): Promise<void>
  markRetrying(marks: readonly RetryMark[], now: Date): Promise<void>
  /** Final failures; returns the subscribers that the persistent-failure rule disabled, with why. */
  markFailed(marks: readonly FailMark[], now: Date): Promise<{ subscriberId: string; reason: string }[]>
  /** Clears the failure streak of subscribers that just received a message. */
  resetFailureStreaks(subscriberIds: readonly string[]): Promise<void>
  extendLease(ids: readonly string[], until: Date): Promise<void>
  /** Batches of fan-outs; an outbox without them (tests) sends single deliveries only. */
  claimBatch?(channel: string, now: Date, leaseMs: number): Promise<ClaimedBatch | null>
  /** Records a batch's progress atomically; returns the subscribers the failure rule disabled. */
  ackBatch?(ack: BatchAck, now: Date): Promise<{ subscriberId: string; reason: string }[]>
  extendBatchLease?(batchId: string, until: Date): Promise<void>
  /** Embedded mode only: no other process can hold a claim, so all leases are released at start. */
  releaseAllLeases?(): Promise<number>
}

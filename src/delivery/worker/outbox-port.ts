import type { Audience, MessageStage } from '../../domain/template/message-kinds.js'

/** Every kind of message that leaves Candor; all go through the one outbox. */
export type DeliveryKind =
  | 'update'
  | 'confirmation'
  | 'page'
  | 'stakeholder_notice'
  | 'team_notice'
  | 'role_notice'
  | 'freeze_webhook'
  | 'account_mail'

/** One outbox row a worker has claimed, with what it needs to address the message. */
export interface ClaimedDelivery {
  id: string
  /** Null for the instance's own mail (a sign-in link before an organisation is chosen). */
  orgId: string | null
  /** The status page of a subscriber's message. */
  pageId: string | null
  kind: DeliveryKind
  updateId: string | null
  incidentId: string | null
  /** Null when the message has a recipient of its own (`address`) rather than a subscription. */
  subscriberId: string | null
  sourceId: string | null
  /** What a notice, page or account mail says or points at. */
  content: Record<string, unknown> | null
  channel: string
  stage: MessageStage | null
  /** Attempts so far, this one included. */
  attempts: number
  address: string
  locale: string | null
  audience: Audience
  /** Webhook signing secret of a subscription. */
  secret: string | null
  /** 'active' for messages that have no subscriber. */
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

/**
 * A batched delivery that did not simply go out in order: retried alone, failed, skipped, or
 * sent ahead of the watermark when the batch is let go early (the relay went away, shutdown).
 */
export type BatchException =
  | { kind: 'retrying'; delivery: ClaimedDelivery; nextAttemptAt: Date; error: string; errorClass?: string }
  | { kind: 'failed'; delivery: ClaimedDelivery; error: string; isGone: boolean }
  | { kind: 'skipped'; delivery: ClaimedDelivery; reason: string }
  | { kind: 'sent'; delivery: ClaimedDelivery }

export interface BatchAck {
  batchId: string
  /** Every delivery up to this id is done (sent or among the exceptions); null: none yet. */
  ackedUpto: string | null
  /** done: every delivery is settled; released: let go early, the rest stays pending for the next claim. */
  outcome: 'progress' | 'done' | 'released'
  exceptions: BatchException[]
  /** Subscribers on a failure streak who just received a message. */
  recovered: string[]
}

export interface RetryMark {
  id: string
  nextAttemptAt: Date
  error: string
  /** 'relay': the mail relay could not be reached; the row is due again as soon as it answers. */
  errorClass?: string
}

export interface FailMark {
  id: string
  subscriberId: string | null
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
  /** Not sent because it no longer concerns anyone (the subscriber left, the page was acknowledged). */
  markSkipped(marks: readonly { id: string; reason: string }[], now: Date): Promise<void>
  markRetrying(marks: readonly RetryMark[], now: Date): Promise<void>
  /** Final failures; returns the subscribers that the persistent-failure rule disabled, with why. */
  markFailed(marks: readonly FailMark[], now: Date): Promise<{ subscriberId: string; reason: string }[]>
  /** Claimed rows handed back untried (shutdown): due again at once, the attempt not counted. */
  release(ids: readonly string[], now: Date): Promise<void>
  /** Clears the failure streak of subscribers that just received a message. */
  resetFailureStreaks(subscriberIds: readonly string[]): Promise<void>
  extendLease(ids: readonly string[], until: Date): Promise<void>
  /** The relay answers again: what waited on it is due now. Returns how many rows. */
  releaseRelayHolds(channel: string, now: Date): Promise<number>
  /** Batches of fan-outs; an outbox without them sends single deliveries only. */
  claimBatch?(channel: string, now: Date, leaseMs: number): Promise<ClaimedBatch | null>
  /** Records a batch's progress atomically; returns the subscribers the failure rule disabled. */
  ackBatch?(ack: BatchAck, now: Date): Promise<{ subscriberId: string; reason: string }[]>
  extendBatchLease?(batchId: string, until: Date): Promise<void>
  /** Embedded mode only: no other process can hold a claim, so all leases are released at start. */
  releaseAllLeases?(): Promise<number>
}

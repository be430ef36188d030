/**
 * What every delivery channel implements. A channel only sends: the worker decides what
 * to send, when to retry and when to give up, from the result it returns.
 */
export interface OutboundMessage {
  /** The same on every attempt for one (update, subscriber, channel). */
  idempotencyKey: string
  /** Email address or webhook URL. */
  address: string
  subject: string
  text: string
  html?: string
  locale?: string
  /** When the message was written (the update's time): the email Date, the same on every resend. */
  writtenAt?: Date
  /** Email: display name and address for From; the channel's default when absent. */
  from?: string
  /** Email: the one-click (RFC 8058) unsubscribe URL for this recipient. */
  unsubscribeUrl?: string
  /** Webhook: the shared secret the signature is made with. */
  secret?: string
  /** Webhook: the JSON body to post; a minimal one is built from subject and text when absent. */
  payload?: unknown
}

export type SendResult =
  | { ok: true; detail?: string }
  | {
      ok: false
      /**
       * retry: try later; permanent: this message cannot succeed; gone: the address no longer exists;
       * unavailable: the channel itself (the mail relay) cannot be reached, whatever the message.
       */
      kind: 'retry' | 'permanent' | 'gone' | 'unavailable'
      reason: string
      retryAfterMs?: number
    }

export interface SendOptions {
  /** Aborted when the send outlives its time or the worker stops: the channel gives up and frees the connection. */
  signal?: AbortSignal
}

export interface DeliveryChannel {
  readonly kind: string
  send(message: OutboundMessage, options?: SendOptions): Promise<SendResult>
  /** Whether the channel's relay answers now (after it was found unavailable); absent: just try again. */
  probe?(): Promise<boolean>
  /** Drops every connection, in flight or not: called when the worker stops. */
  close?(): Promise<void>
}

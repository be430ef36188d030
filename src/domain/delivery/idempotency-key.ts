import { createHmac } from 'node:crypto'

/**
 * One key per message and recipient, the same on every attempt, so a receiver that sees a
 * message twice (a resend after a crash) can drop the second. Every kind of message uses this
 * one scheme: an HMAC with the installation's secret over what identifies the message, so the
 * key is fixed-length and no internal id (not even a row number) can be read back from it.
 *
 * What identifies a message: an update to a subscriber is (update, subscriber, channel), so a
 * second fan-out of the same update could never reach anyone twice under another key; every
 * other message is its outbox row.
 */
export type MessageIdentity =
  | { kind: 'update'; updateId: string; subscriberId: string; channel: string }
  | { kind: string; rowId: string }

export function idempotencyKey(secret: string, identity: MessageIdentity): string {
  const parts =
    'updateId' in identity
      ? ['update', identity.updateId, identity.subscriberId, identity.channel]
      : [identity.kind, identity.rowId]
  return createHmac('sha256', secret)
    .update(['candor-delivery', 'v2', ...parts].join('\u0000'))
    .digest('hex')
    .slice(0, 32)
}

/** A stable RFC 5322 Message-ID for an email delivery: a resend carries the same id. */
export function messageIdFor(key: string, domain: string): string {
  return `<${key}@${domain}>`
}

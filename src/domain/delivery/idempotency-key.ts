import { createHash } from 'node:crypto'

/**
 * One key per (update, subscriber, channel), the same on every attempt, so a receiver
 * that sees a message twice (a retry after a crash) can drop the second. Hashed so it is
 * fixed-length and reveals no internal ids.
 */
export interface DeliveryIdentity {
  updateId: string
  subscriberId: string
  channel: string
}

export function idempotencyKey(identity: DeliveryIdentity): string {
  const material = ['candor-delivery', 'v1', identity.updateId, identity.subscriberId, identity.channel].join('\u0000')
  return createHash('sha256').update(material).digest('hex').slice(0, 32)
}

/** A stable RFC 5322 Message-ID for an email delivery: a resend carries the same id. */
export function messageIdFor(key: string, domain: string): string {
  return `<${key}@${domain}>`
}

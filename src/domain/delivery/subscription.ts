/**
 * Who is subscribed to what, and when a subscription counts. Email needs double opt-in:
 * only a confirmed address gets updates, and a confirmation link stops working after a
 * while so an old mail cannot subscribe someone months later.
 */
export const subscriberChannels = ['email', 'webhook', 'slack'] as const
export type SubscriberChannel = (typeof subscriberChannels)[number]

export const subscriberStates = ['pending', 'active', 'unsubscribed', 'disabled'] as const
export type SubscriberState = (typeof subscriberStates)[number]

export const defaultConfirmationTtlMs = 48 * 60 * 60_000

export function isSubscriberChannel(value: unknown): value is SubscriberChannel {
  return typeof value === 'string' && (subscriberChannels as readonly string[]).includes(value)
}

/** Webhook and Slack subscriptions are made by an authenticated user or a verified form: no mailbox to confirm. */
export function needsConfirmation(channel: SubscriberChannel): boolean {
  return channel === 'email'
}

export function confirmationExpiresAt(requestedAt: Date, ttlMs = defaultConfirmationTtlMs): Date {
  return new Date(requestedAt.getTime() + ttlMs)
}

export type ConfirmOutcome =
  | { kind: 'confirm' }
  | { kind: 'already_active' }
  | { kind: 'expired' }
  | { kind: 'not_pending'; state: SubscriberState }

export function confirmSubscription(
  subscriber: { state: SubscriberState; confirmationExpiresAt: Date | null },
  now: Date,
): ConfirmOutcome {
  if (subscriber.state === 'active') return { kind: 'already_active' }
  if (subscriber.state !== 'pending') return { kind: 'not_pending', state: subscriber.state }
  if (subscriber.confirmationExpiresAt && now.getTime() >= subscriber.confirmationExpiresAt.getTime())
    return { kind: 'expired' }
  return { kind: 'confirm' }
}

/**
 * Targeting: a subscriber with no components chosen hears about everything on the page;
 * one with components hears about updates touching any of them, and about updates that
 * name no component at all (a page-wide message must reach everyone).
 */
export function wantsUpdate(
  subscribedComponentIds: readonly string[],
  affectedComponentIds: readonly string[],
): boolean {
  if (subscribedComponentIds.length === 0 || affectedComponentIds.length === 0) return true
  const affected = new Set(affectedComponentIds)
  return subscribedComponentIds.some((id) => affected.has(id))
}

/** Addresses compare without case and surrounding space; the local part is kept as typed for sending. */
export function normaliseEmail(raw: string): string {
  const trimmed = raw.trim()
  const at = trimmed.lastIndexOf('@')
  return at === -1 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`
}

/** A practical check (RFC 5322 is far looser): one @, no spaces, a dotted domain. */
export function isPlausibleEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]{2,}$/u.test(value)
}

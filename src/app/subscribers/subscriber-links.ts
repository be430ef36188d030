import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Confirm, unsubscribe and manage links: the subscriber id plus an HMAC of it under the
 * installation secret. Stateless and stable (the same link in every mail, so a resend is
 * byte-identical); confirmation expiry is checked against the row, not the token.
 */
export type LinkPurpose = 'confirm' | 'unsubscribe' | 'manage'

export function linkToken(secret: string, purpose: LinkPurpose, subscriberId: string): string {
  return createHmac('sha256', secret).update(`candor-subscriber|${purpose}|${subscriberId}`).digest('base64url')
}

export function isValidLinkToken(secret: string, purpose: LinkPurpose, subscriberId: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length === 0 || token.length > 100) return false
  const expected = Buffer.from(linkToken(secret, purpose, subscriberId))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function subscriberLink(baseUrl: string, secret: string, purpose: LinkPurpose, subscriberId: string): string {
  const path = purpose === 'manage' ? '' : `/${purpose}`
  return `${baseUrl}/subscriptions/${subscriberId}${path}?token=${linkToken(secret, purpose, subscriberId)}`
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`
}

/** Where customers read a page: its branding URL, its first custom domain, or /p/:slug on this server. */
export function pagePublicUrl(
  page: { slug: string; branding?: { url?: unknown } | null; hostnames?: string[] },
  baseUrl: string,
): string {
  if (typeof page.branding?.url === 'string' && page.branding.url) return page.branding.url.replace(/\/$/, '')
  const host = page.hostnames?.[0]
  if (host) return `${new URL(baseUrl).protocol}//${host}`
  return `${baseUrl}/p/${page.slug}`
}

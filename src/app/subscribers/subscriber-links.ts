import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { publicPageUrl } from '../status-page/build-status-page-view.js'

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

/**
 * Where messages send readers: the status page itself (its custom domain, else /p/:slug here),
 * the same address the page gives itself. branding.url is the company's website, which the
 * page header links to; a status link must never lead there.
 */
export function pagePublicUrl(page: { slug: string; hostnames?: readonly string[] }, baseUrl: string): string {
  return publicPageUrl(baseUrl, page.slug, page.hostnames ?? [])
}

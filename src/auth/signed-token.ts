import { createHmac } from 'node:crypto'
import { randomToken, safeEqual } from './secrets.js'

/**
 * Signed, expiring tokens for links sent by email (invitations, one-time sign-in, password
 * reset). HMAC-SHA256 over purpose, subject, expiry and nonce: a token made for one purpose
 * never verifies for another. Single use is the store's job: it records spent nonces.
 *
 *   <payload, base64url JSON {s, e, n}>.<mac, base64url>
 */
export interface SignedClaims {
  purpose: string
  subject: string
  expiresAt: Date
  nonce: string
}

export type SignedTokenCheck =
  | { ok: true; subject: string; expiresAt: Date; nonce: string }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' }

function mac(secret: string, c: SignedClaims): string {
  const message = [c.purpose, c.subject, String(c.expiresAt.getTime()), c.nonce]
    .map((part) => `${part.length}:${part}`)
    .join('|')
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64url')
}

export function signToken(secret: string, claims: Omit<SignedClaims, 'nonce'> & { nonce?: string }): string {
  const full: SignedClaims = { ...claims, nonce: claims.nonce ?? randomToken(16) }
  const payload = Buffer.from(JSON.stringify({ s: full.subject, e: full.expiresAt.getTime(), n: full.nonce })).toString(
    'base64url',
  )
  return `${payload}.${mac(secret, full)}`
}

function parsePayload(payload: string): { s: string; e: number; n: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (typeof value !== 'object' || value === null) return null
    const { s, e, n } = value as Record<string, unknown>
    return typeof s === 'string' && typeof e === 'number' && Number.isFinite(e) && typeof n === 'string'
      ? { s, e, n }
      : null
  } catch {
    return null
  }
}

/**
 * `secrets` lists the current key first and retired ones after it, so keys can rotate
 * without breaking links already in people's inboxes.
 */
export function verifySignedToken(
  secrets: string | readonly string[],
  token: string,
  expected: { purpose: string; now: Date },
): SignedTokenCheck {
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined || token.length > 4096) return { ok: false, reason: 'malformed' }
  const p = parsePayload(payload)
  if (!p) return { ok: false, reason: 'malformed' }
  const claims: SignedClaims = { purpose: expected.purpose, subject: p.s, expiresAt: new Date(p.e), nonce: p.n }
  const keys = typeof secrets === 'string' ? [secrets] : secrets
  // Check every key (no early exit) so timing does not tell which one matched.
  const matched = keys.map((k) => safeEqual(mac(k, claims), signature)).some(Boolean)
  if (!matched) return { ok: false, reason: 'bad-signature' }
  if (expected.now.getTime() >= p.e) return { ok: false, reason: 'expired' }
  return { ok: true, subject: p.s, expiresAt: claims.expiresAt, nonce: p.n }
}

import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Stripe-style signatures: `Candor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
 * The timestamp is signed too, so a captured request cannot be replayed later.
 */
export const signatureHeader = 'Candor-Signature'
export const idempotencyHeader = 'Candor-Idempotency-Key'

export function signPayload(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')
  return `t=${timestampSeconds},v1=${mac}`
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string }

/** Our own verifier, for tests and for receivers written in TypeScript; README.md shows the standalone one. */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds: number,
  toleranceSeconds = 300,
): VerifyResult {
  if (!header) return { ok: false, reason: 'missing signature header' }
  const parts = header.split(',').map((part) => part.trim().split('='))
  const timestamp = Number(parts.find(([k]) => k === 't')?.[1])
  const candidates = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '')
  if (!Number.isInteger(timestamp) || candidates.length === 0)
    return { ok: false, reason: 'malformed signature header' }
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds)
    return { ok: false, reason: 'timestamp outside the tolerance' }
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex'))
  const matches = candidates.some((candidate) => {
    const given = Buffer.from(candidate)
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'signature does not match' }
}

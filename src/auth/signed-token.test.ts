import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { signToken, verifySignedToken } from './signed-token.js'

const secret = 'a-test-secret-that-is-long-enough-0123456789'
const now = new Date('2026-05-01T12:00:00Z')
const inAnHour = new Date('2026-05-01T13:00:00Z')

describe('signed expiring tokens', () => {
  it('verify for their purpose before they expire and give back the subject and nonce', () => {
    const token = signToken(secret, { purpose: 'invite', subject: 'user-1', expiresAt: inAnHour, nonce: 'n1' })
    expect(verifySignedToken(secret, token, { purpose: 'invite', now })).toEqual({
      ok: true,
      subject: 'user-1',
      expiresAt: inAnHour,
      nonce: 'n1',
    })
  })

  it('are refused at and after their expiry', () => {
    const token = signToken(secret, { purpose: 'invite', subject: 'u', expiresAt: inAnHour })
    expect(verifySignedToken(secret, token, { purpose: 'invite', now: inAnHour })).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('never verify for another purpose', () => {
    const token = signToken(secret, { purpose: 'invite', subject: 'u', expiresAt: inAnHour })
    expect(verifySignedToken(secret, token, { purpose: 'sign-in', now })).toEqual({
      ok: false,
      reason: 'bad-signature',
    })
  })

  it('refuse another key, and accept a retired key listed after the current one', () => {
    const token = signToken('old-secret-old-secret-old-secret-00', { purpose: 'p', subject: 'u', expiresAt: inAnHour })
    expect(verifySignedToken(secret, token, { purpose: 'p', now }).ok).toBe(false)
    expect(verifySignedToken([secret, 'old-secret-old-secret-old-secret-00'], token, { purpose: 'p', now }).ok).toBe(
      true,
    )
  })

  it('give a fresh random nonce to every token', () => {
    const a = verifySignedToken(secret, signToken(secret, { purpose: 'p', subject: 'u', expiresAt: inAnHour }), {
      purpose: 'p',
      now,
    })
    const b = verifySignedToken(secret, signToken(secret, { purpose: 'p', subject: 'u', expiresAt: inAnHour }), {
      purpose: 'p',
      now,
    })
    expect(a.ok && b.ok && a.nonce !== b.nonce && a.nonce.length >= 20).toBe(true)
  })

  it('refuse any change to the payload (subject or expiry)', () => {
    const token = signToken(secret, { purpose: 'p', subject: 'user-1', expiresAt: inAnHour, nonce: 'n1' })
    const [, sig] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ s: 'user-2', e: inAnHour.getTime(), n: 'n1' })).toString('base64url')
    expect(verifySignedToken(secret, `${forged}.${sig}`, { purpose: 'p', now })).toEqual({
      ok: false,
      reason: 'bad-signature',
    })
    const later = Buffer.from(JSON.stringify({ s: 'user-1', e: inAnHour.getTime() * 2, n: 'n1' })).toString('base64url')
    expect(verifySignedToken(secret, `${later}.${sig}`, { purpose: 'p', now })).toEqual({
      ok: false,
      reason: 'bad-signature',
    })
  })

  it('refuse any garbage without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (garbage) => {
        expect(verifySignedToken(secret, garbage, { purpose: 'p', now }).ok).toBe(false)
      }),
    )
    expect(verifySignedToken(secret, 'e30.abc', { purpose: 'p', now })).toEqual({ ok: false, reason: 'malformed' })
  })
})

import { describe, expect, it } from 'vitest'
import {
  confirmationExpiresAt,
  confirmSubscription,
  isPlausibleEmail,
  normaliseEmail,
  wantsUpdate,
} from './subscription.js'

const requested = new Date('2026-03-01T10:00:00Z')
const hours = (h: number) => new Date(requested.getTime() + h * 3_600_000)

describe('subscriptions', () => {
  it('confirms a pending subscription within 48 hours and refuses it after', () => {
    const pending = { state: 'pending' as const, confirmationExpiresAt: confirmationExpiresAt(requested) }
    expect(confirmSubscription(pending, hours(47.9))).toEqual({ kind: 'confirm' })
    expect(confirmSubscription(pending, hours(48))).toEqual({ kind: 'expired' })
  })

  it('treats a second click on the link as already done, and never revives an unsubscribed address', () => {
    expect(confirmSubscription({ state: 'active', confirmationExpiresAt: null }, hours(100))).toEqual({
      kind: 'already_active',
    })
    expect(confirmSubscription({ state: 'unsubscribed', confirmationExpiresAt: hours(10) }, hours(1))).toEqual({
      kind: 'not_pending',
      state: 'unsubscribed',
    })
  })

  it('sends an update to subscribers of any affected component, or of the whole page', () => {
    expect(wantsUpdate([], ['api'])).toBe(true)
    expect(wantsUpdate(['api', 'web'], ['web'])).toBe(true)
    expect(wantsUpdate(['api'], ['web'])).toBe(false)
  })

  it('sends a page-wide update, naming no component, to everyone', () => {
    expect(wantsUpdate(['api'], [])).toBe(true)
  })

  it('compares emails by lower-case domain and keeps the local part', () => {
    expect(normaliseEmail('  Alice.Smith@Example.COM ')).toBe('Alice.Smith@example.com')
  })

  it('accepts ordinary and international addresses and refuses malformed ones', () => {
    for (const ok of ['a@b.co', 'first.last+tag@sub.example.org', 'josé@例え.jp'])
      expect(isPlausibleEmail(ok), ok).toBe(true)
    for (const bad of ['', 'a', 'a@b', 'a b@c.de', 'a@@b.de', '<a@b.de>', 'a@b.de,c@d.de'])
      expect(isPlausibleEmail(bad), bad).toBe(false)
  })
})

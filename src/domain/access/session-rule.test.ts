import { describe, expect, it } from 'vitest'
import { defaultSessionRule, isSessionAlive, sessionExpiresAt, shouldTouchSession } from './session-rule.js'

const t0 = new Date('2026-06-01T08:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)
const hour = 3_600_000

describe('session lifetime', () => {
  it('keeps a session alive while it is used', () => {
    expect(isSessionAlive({ createdAt: t0, lastSeenAt: at(11 * hour), revokedAt: null }, at(22 * hour))).toBe(true)
  })

  it('ends a session after 12 idle hours', () => {
    expect(isSessionAlive({ createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(12 * hour))).toBe(false)
  })

  it('ends every session after 14 days, however busy', () => {
    const fourteenDays = 14 * 24 * hour
    expect(sessionExpiresAt(t0)).toEqual(at(fourteenDays))
    expect(isSessionAlive({ createdAt: t0, lastSeenAt: at(fourteenDays - 1), revokedAt: null }, at(fourteenDays))).toBe(
      false,
    )
  })

  it('ends a revoked session at once', () => {
    expect(isSessionAlive({ createdAt: t0, lastSeenAt: t0, revokedAt: at(1) }, at(2))).toBe(false)
  })

  it('records activity at most once a minute', () => {
    expect(shouldTouchSession(t0, at(59_999))).toBe(false)
    expect(shouldTouchSession(t0, at(defaultSessionRule.touchEveryMs))).toBe(true)
  })
})

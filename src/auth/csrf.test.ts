import { describe, expect, it } from 'vitest'
import { csrfTokenFor, verifyCsrfToken } from './csrf.js'
import { generateSessionToken, hashSessionToken } from './session-token.js'

const secret = 'csrf-secret-csrf-secret-csrf-secret-00'

describe('CSRF tokens', () => {
  it('accept the token made for the same session', () => {
    expect(verifyCsrfToken(secret, 'session-a', csrfTokenFor(secret, 'session-a'))).toBe(true)
  })

  it('refuse a token from another session, another key, or none at all', () => {
    const token = csrfTokenFor(secret, 'session-a')
    expect(verifyCsrfToken(secret, 'session-b', token)).toBe(false)
    expect(verifyCsrfToken('another-secret-another-secret-00', 'session-a', token)).toBe(false)
    expect(verifyCsrfToken(secret, 'session-a', '')).toBe(false)
    expect(verifyCsrfToken(secret, 'session-a', undefined)).toBe(false)
    expect(verifyCsrfToken(secret, 'session-a', [token])).toBe(false)
  })
})

describe('session tokens', () => {
  it('are random and stored only as a hash', () => {
    const a = generateSessionToken()
    const b = generateSessionToken()
    expect(a.token).not.toBe(b.token)
    expect(a.hash).toBe(hashSessionToken(a.token))
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
  })
})

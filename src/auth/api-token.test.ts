import { describe, expect, it } from 'vitest'
import { generateApiToken, hashApiToken, looksLikeApiToken, tokenHint } from './api-token.js'

describe('API tokens', () => {
  it('are prefixed, carry 256 random bits, and are stored only as a SHA-256', () => {
    const { token, hash, hint } = generateApiToken()
    expect(token).toMatch(/^cnd_[A-Za-z0-9_-]{43}$/)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(hashApiToken(token))
    expect(hash).not.toContain(token.slice(4))
    expect(hint).toBe(tokenHint(token))
    expect(hint.length).toBeLessThan(16)
  })

  it('never repeats', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateApiToken().token))
    expect(seen.size).toBe(1000)
  })

  it('can be recognised before any lookup', () => {
    expect(looksLikeApiToken(generateApiToken().token)).toBe(true)
    expect(looksLikeApiToken('cnd_short')).toBe(false)
    expect(looksLikeApiToken('Bearer something')).toBe(false)
  })
})

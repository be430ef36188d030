import { describe, expect, it } from 'vitest'
import {
  decodePasswordHash,
  hashPassword,
  maxPasswordLength,
  needsRehash,
  verifyPassword,
  verifyPasswordOfNobody,
} from './password.js'

describe('password hashing', () => {
  it('hashes with scrypt at the OWASP parameters and says so in the encoded form', async () => {
    const encoded = await hashPassword('correct horse battery staple')
    expect(encoded).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(decodePasswordHash(encoded)?.params).toEqual({ logN: 17, r: 8, p: 1 })
  })

  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hashPassword('correct horse battery staple')
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', encoded)).toBe(false)
    expect(await verifyPassword('', encoded)).toBe(false)
  })

  it('salts every hash, so the same password never hashes the same twice', async () => {
    const params = { logN: 10, r: 8, p: 1 }
    expect(await hashPassword('same', params)).not.toBe(await hashPassword('same', params))
  })

  it('treats equivalent Unicode spellings of a password as the same password', async () => {
    const encoded = await hashPassword('caf\u00e9', { logN: 10, r: 8, p: 1 })
    expect(await verifyPassword('cafe\u0301', encoded)).toBe(true)
  })

  it('verifies hashes made with older parameters and asks for a rehash', async () => {
    const weak = await hashPassword('pw', { logN: 14, r: 8, p: 1 })
    expect(await verifyPassword('pw', weak)).toBe(true)
    expect(needsRehash(weak)).toBe(true)
    expect(needsRehash(await hashPassword('pw'))).toBe(false)
  })

  it('refuses malformed, tampered and absurd hashes without throwing', async () => {
    const encoded = await hashPassword('pw', { logN: 10, r: 8, p: 1 })
    const tampered = encoded.slice(0, -2) + (encoded.endsWith('AA') ? 'BB' : 'AA')
    expect(await verifyPassword('pw', tampered)).toBe(false)
    expect(await verifyPassword('pw', 'plaintext')).toBe(false)
    expect(await verifyPassword('pw', encoded.replace('ln=10', 'ln=40'))).toBe(false)
    expect(needsRehash('garbage')).toBe(true)
  })

  it('refuses to hash an absurdly long password', async () => {
    await expect(hashPassword('x'.repeat(maxPasswordLength + 1))).rejects.toThrow(RangeError)
  })

  it('spends real work on an unknown account and always says no', async () => {
    expect(await verifyPasswordOfNobody('anything')).toBe(false)
  })
})

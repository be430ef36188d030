import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { idempotencyKey, messageIdFor } from './idempotency-key.js'

const secret = 'test-secret-0123456789abcdef0123456789'
const base = { kind: 'update', updateId: 'u-1', subscriberId: 's-1', channel: 'email' } as const

describe('idempotency key', () => {
  it('is the same for the same update, subscriber and channel', () => {
    expect(idempotencyKey(secret, base)).toBe(idempotencyKey(secret, { ...base }))
  })

  it('differs when any one of update, subscriber or channel differs', () => {
    const keys = new Set([
      idempotencyKey(secret, base),
      idempotencyKey(secret, { ...base, updateId: 'u-2' }),
      idempotencyKey(secret, { ...base, subscriberId: 's-2' }),
      idempotencyKey(secret, { ...base, channel: 'webhook' }),
    ])
    expect(keys.size).toBe(4)
  })

  it('cannot be confused by ids that run into each other', () => {
    expect(idempotencyKey(secret, { ...base, updateId: 'a', subscriberId: 'bc' })).not.toBe(
      idempotencyKey(secret, { ...base, updateId: 'ab', subscriberId: 'c' }),
    )
  })

  it('keys every other message by kind and row, and two kinds never share a key', () => {
    expect(idempotencyKey(secret, { kind: 'page', rowId: '7' })).not.toBe(
      idempotencyKey(secret, { kind: 'account_mail', rowId: '7' }),
    )
  })

  it('is 32 hex characters from which no row number can be recovered without the secret', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), (row) => {
        const key = idempotencyKey(secret, { kind: 'role_notice', rowId: String(row) })
        expect(key).toMatch(/^[0-9a-f]{32}$/)
        expect(key).not.toBe(
          idempotencyKey('another-secret-0123456789abcdef0123', { kind: 'role_notice', rowId: String(row) }),
        )
      }),
      { numRuns: 50 },
    )
  })

  it('makes a Message-ID in angle brackets', () => {
    expect(messageIdFor('abc', 'status.example.com')).toBe('<abc@status.example.com>')
  })
})

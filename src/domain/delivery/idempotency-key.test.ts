import { describe, expect, it } from 'vitest'
import { idempotencyKey, messageIdFor } from './idempotency-key.js'

const base = { updateId: 'u-1', subscriberId: 's-1', channel: 'email' }

describe('idempotency key', () => {
  it('is the same for the same update, subscriber and channel', () => {
    expect(idempotencyKey(base)).toBe(idempotencyKey({ ...base }))
  })

  it('differs when any one of update, subscriber or channel differs', () => {
    const keys = new Set([
      idempotencyKey(base),
      idempotencyKey({ ...base, updateId: 'u-2' }),
      idempotencyKey({ ...base, subscriberId: 's-2' }),
      idempotencyKey({ ...base, channel: 'webhook' }),
    ])
    expect(keys.size).toBe(4)
  })

  it('cannot be confused by ids that run into each other', () => {
    expect(idempotencyKey({ updateId: 'a', subscriberId: 'bc', channel: 'email' })).not.toBe(
      idempotencyKey({ updateId: 'ab', subscriberId: 'c', channel: 'email' }),
    )
  })

  it('is 32 lowercase hex characters and reveals no id', () => {
    const key = idempotencyKey({ updateId: 'update-42', subscriberId: 'alice', channel: 'email' })
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    expect(key).not.toContain('alice')
  })

  it('makes a Message-ID in angle brackets', () => {
    expect(messageIdFor('abc', 'status.example.com')).toBe('<abc@status.example.com>')
  })
})

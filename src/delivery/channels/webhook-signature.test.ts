import { describe, expect, it } from 'vitest'
import { loadReadmeVerifier } from '../../../test/support/readme-verifier.js'
import { signPayload, verifySignature } from './webhook-signature.js'

const now = Math.floor(Date.now() / 1000)

describe('webhook signatures', () => {
  it('sign t and the body together, Stripe-style', () => {
    expect(signPayload('whsec_example', '{"hello":"world"}', 1767225600)).toBe(
      't=1767225600,v1=d965d59aa433c61315c727c54670e55892b3210cf53cec8459d5bf60f1e2b9a8',
    )
  })

  it('verify with our verifier and refuse a changed body, a wrong secret or an old timestamp', () => {
    const header = signPayload('s3cret', '{"a":1}', now)
    expect(verifySignature('s3cret', '{"a":1}', header, now)).toEqual({ ok: true, timestamp: now })
    expect(verifySignature('s3cret', '{"a":2}', header, now)).toMatchObject({
      ok: false,
      reason: 'signature does not match',
    })
    expect(verifySignature('other', '{"a":1}', header, now)).toMatchObject({ ok: false })
    expect(verifySignature('s3cret', '{"a":1}', header, now + 301)).toMatchObject({
      ok: false,
      reason: 'timestamp outside the tolerance',
    })
    expect(verifySignature('s3cret', '{"a":1}', undefined, now)).toMatchObject({ ok: false })
  })

  it('verify with the snippet documented in README.md', async () => {
    const verify = await loadReadmeVerifier()
    const body = JSON.stringify({ id: 'k', text: 'Checkout is down — 结账不可用' })
    const header = signPayload('s3cret', body, now)
    expect(verify(body, header, 's3cret')).toBe(true)
    expect(verify(`${body} `, header, 's3cret')).toBe(false)
    expect(verify(body, header, 'wrong')).toBe(false)
    expect(verify(body, signPayload('s3cret', body, now - 3600), 's3cret')).toBe(false)
    expect(verify(body, 'garbage', 's3cret')).toBe(false)
  })
})

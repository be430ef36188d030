import { describe, expect, it } from 'vitest'
import { classifyHttpStatus, classifySmtpReply, enhancedStatusOf } from './delivery-failure.js'

describe('delivery failure classification', () => {
  it('treats 2xx as delivered', () => {
    expect(classifyHttpStatus(200)).toBe('ok')
    expect(classifyHttpStatus(204)).toBe('ok')
  })

  it('retries server errors, timeouts and throttling', () => {
    for (const status of [500, 502, 503, 504, 408, 429, 401, 403, 404]) expect(classifyHttpStatus(status)).toBe('retry')
  })

  it('gives up on a payload the receiver refuses and on redirects', () => {
    for (const status of [400, 413, 422, 301, 302, 307]) expect(classifyHttpStatus(status)).toBe('permanent')
  })

  it('treats 410 Gone as an address that no longer exists', () => {
    expect(classifyHttpStatus(410)).toBe('gone')
  })

  it('retries temporary SMTP replies and network errors', () => {
    expect(classifySmtpReply(421)).toBe('retry')
    expect(classifySmtpReply(451, '4.3.0')).toBe('retry')
    expect(classifySmtpReply(undefined)).toBe('retry')
  })

  it('treats an unknown mailbox as gone and a policy refusal as permanent', () => {
    expect(classifySmtpReply(550, '5.1.1')).toBe('gone')
    expect(classifySmtpReply(550)).toBe('gone')
    expect(classifySmtpReply(550, '5.7.1')).toBe('permanent')
    expect(classifySmtpReply(552, '5.3.4')).toBe('permanent')
  })

  it('finds the enhanced status code in a reply', () => {
    expect(enhancedStatusOf('550 5.1.1 <bob@example.com>: Recipient address rejected')).toBe('5.1.1')
    expect(enhancedStatusOf('550 mailbox unavailable')).toBeUndefined()
  })
})

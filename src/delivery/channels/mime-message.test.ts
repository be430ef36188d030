import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { buildMime, encodeMailbox } from './mime-message.js'

const base = {
  from: '"Acme Status" <status@acme.test>',
  to: 'alice@example.test',
  subject: 'Checkout is down',
  text: 'Plain text\nsecond line',
  html: '<p>HTML</p>',
  messageId: '<k1@status.acme.test>',
  date: new Date('2026-03-01T10:00:00Z'),
  boundaryKey: 'k1',
  headers: { 'Candor-Idempotency-Key': 'k1' },
}

describe('MIME builder', () => {
  it('builds a multipart/alternative message that a mail parser reads back exactly', async () => {
    const mail = await simpleParser(buildMime(base))
    expect(mail.subject).toBe('Checkout is down')
    expect(mail.text).toBe('Plain text\nsecond line')
    expect(mail.html).toBe('<p>HTML</p>')
    expect(mail.messageId).toBe('<k1@status.acme.test>')
    expect(mail.date?.toISOString()).toBe('2026-03-01T10:00:00.000Z')
    expect(mail.headers.get('candor-idempotency-key')).toBe('k1')
    expect(mail.from?.value).toEqual([{ address: 'status@acme.test', name: 'Acme Status' }])
  })

  it('encodes non-ASCII subjects and sender names, and long bodies, without loss', async () => {
    const text = '我们正在调查结账的问题。'.repeat(200)
    const mail = await simpleParser(
      buildMime({
        ...base,
        from: '状态页 <status@acme.test>',
        subject: 'Acme：我们正在调查结账的问题 — 更新',
        text,
        html: `<p>${text}</p>`,
      }),
    )
    expect(mail.subject).toBe('Acme：我们正在调查结账的问题 — 更新')
    expect(mail.from?.value[0]?.name).toBe('状态页')
    expect(mail.text).toBe(text)
    expect(mail.html).toBe(`<p>${text}</p>`)
  })

  it('keeps every line within 78 characters', () => {
    const raw = buildMime({ ...base, subject: 'A very long subject '.repeat(10), text: 'x'.repeat(5000) }).toString()
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78)
  })

  it('cannot be made to inject headers through a subject or header value', async () => {
    const raw = buildMime({
      ...base,
      subject: 'Hi\r\nBcc: victim@example.test',
      headers: { 'List-Unsubscribe': '<https://x>\r\nBcc: v@x' },
    }).toString()
    expect(raw).not.toMatch(/^Bcc:/m)
  })

  it('is byte-identical for the same delivery, so a resend is the same message', () => {
    expect(buildMime(base).equals(buildMime({ ...base }))).toBe(true)
  })

  it('takes plain addresses as they are, exactly as the address parser would give them back', () => {
    for (const address of [
      'alice@example.test',
      'a.b+tag@sub.example.test',
      'user_1%x@h-1.test',
      'a..b@x.test',
      '.a@x.test',
      'a@b@c.test',
      'Al <al@x.test>',
    ])
      expect(encodeMailbox(address)).toBe(encodeMailbox(` ${address}`))
  })

  it('quotes sender names with special characters', () => {
    expect(encodeMailbox('"Acme, Inc." <a@b.test>')).toBe('"Acme, Inc." <a@b.test>')
    expect(encodeMailbox('a@b.test')).toBe('a@b.test')
  })
})

import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderMessage, personalise } from '../../domain/template/render-message.js'
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink.js'
import type { DeliveryChannel, OutboundMessage } from './channel.js'
import { createEmailChannel } from './email-channel.js'

let sink: SmtpSink
let channel: DeliveryChannel

beforeAll(async () => {
  sink = await startSmtpSink({
    keepRaw: true,
    rejectRecipient: (address) =>
      address.startsWith('nobody@')
        ? { code: 550, message: '5.1.1 <nobody@acme.test>: Recipient address rejected' }
        : address.startsWith('busy@')
          ? { code: 451, message: '4.3.0 try again later' }
          : null,
  })
  channel = createEmailChannel({
    smtpUrl: sink.url,
    from: '"Acme Status" <status@acme.test>',
    messageIdDomain: 'status.acme.test',
    ignoreTls: true,
  })
})
afterAll(async () => {
  await channel.close?.()
  await sink.close()
})

const rendered = personalise(
  renderMessage({
    stage: 'acknowledge',
    channel: 'email',
    audience: 'customer',
    locale: 'zh-Hans',
    facts: {
      pageName: 'Acme',
      statusUrl: 'https://status.acme.test',
      incidentTitle: 'Checkout',
      affectedComponents: ['结账'],
    },
  }),
  { unsubscribeUrl: 'https://status.acme.test/subscriptions/unsubscribe?token=abc' },
)

const message = (address: string): OutboundMessage => ({
  idempotencyKey: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  address,
  subject: rendered.subject,
  text: rendered.text,
  html: rendered.html,
  locale: 'zh-Hans',
  unsubscribeUrl: 'https://status.acme.test/subscriptions/unsubscribe?token=abc',
})

describe('email channel', () => {
  it(
    'sends a localised multipart message with one-click unsubscribe, ' + 'idempotency header and a stable Message-ID',
    async () => {
      expect(await channel.send(message('alice@example.test'))).toMatchObject({ ok: true })
      const raw = sink.messages.find((m) => m.to.includes('alice@example.test'))?.raw ?? ''
      const mail = await simpleParser(raw)
      expect(mail.subject).toBe('Acme：我们正在调查结账的问题')
      expect(mail.from?.text).toBe('"Acme Status" <status@acme.test>')
      expect(mail.text).toContain('我们已发现结账出现问题')
      expect(mail.text).toContain('退订: https://status.acme.test/subscriptions/unsubscribe?token=abc')
      expect(mail.html).toContain('<html lang="zh-Hans">')
      expect(mail.html).toContain('href="https://status.acme.test/subscriptions/unsubscribe?token=abc"')
      expect(mail.messageId).toBe('<a1b2c3d4e5f60718293a4b5c6d7e8f90@status.acme.test>')
      expect(mail.headers.get('candor-idempotency-key')).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90')
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
      expect(raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/status\.acme\.test\/subscriptions\/unsubscribe\?token=abc>/m)
      expect(mail.headers.get('content-language')).toBe('zh-Hans')
      expect(raw).toMatch(/Content-Type: multipart\/alternative/i)
    },
  )

  it('sends a retry as the same message: same Message-ID and idempotency key', async () => {
    await channel.send(message('bob@example.test'))
    await channel.send(message('bob@example.test'))
    const copies = sink.messages.filter((m) => m.to.includes('bob@example.test'))
    expect(copies).toHaveLength(2)
    expect(new Set(copies.map((m) => m.headers.match(/^Message-ID:\s*(\S+)/im)?.[1])).size).toBe(1)
    expect(new Set(copies.map((m) => m.idempotencyKey))).toEqual(new Set(['a1b2c3d4e5f60718293a4b5c6d7e8f90']))
  })

  it('reports an unknown mailbox as gone and a temporary refusal as worth a retry', async () => {
    expect(await channel.send(message('nobody@example.test'))).toMatchObject({
      ok: false,
      kind: 'gone',
      reason: expect.stringContaining('5.1.1'),
    })
    expect(await channel.send(message('busy@example.test'))).toMatchObject({
      ok: false,
      kind: 'retry',
      reason: expect.stringContaining('4.3.0'),
    })
    // The refusals were for those recipients, not the session: the pool keeps sending.
    expect(await channel.send(message('after-refusal@example.test'))).toMatchObject({ ok: true })
  })

  it('sends to an internationalised address through the full composer', async () => {
    expect(await channel.send(message('josé@example.test'))).toMatchObject({ ok: true })
    const raw = sink.messages.find((m) => m.to.includes('josé@example.test'))?.raw ?? ''
    const mail = await simpleParser(raw)
    expect(mail.subject).toBe('Acme：我们正在调查结账的问题')
    expect(mail.messageId).toBe('<a1b2c3d4e5f60718293a4b5c6d7e8f90@status.acme.test>')
    expect(mail.headers.get('candor-idempotency-key')).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90')
  })

  it('says the relay is unavailable (hold every mail, not only this one) when it is down', async () => {
    const down = createEmailChannel({
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'a@b.test',
      messageIdDomain: 'b.test',
      ignoreTls: true,
      connectionTimeoutMs: 1_000,
    })
    expect(await down.send(message('carol@example.test'))).toMatchObject({
      ok: false,
      kind: 'unavailable',
      reason: expect.stringContaining('ECONNREFUSED'),
    })
    await down.close?.()
  })
})

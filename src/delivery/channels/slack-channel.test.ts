import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpReceiver, type HttpReceiver } from '../../../test/support/http-receiver.js'
import { createHttpSender, type HttpSender } from './http-sender.js'
import { createSlackChannel } from './slack-channel.js'

let receiver: HttpReceiver
let sender: HttpSender

beforeAll(async () => {
  receiver = await startHttpReceiver({
    respond: (req) =>
      req.path === '/services/gone' ? { status: 404, body: 'no_service' } : { status: 200, body: 'ok' },
  })
  sender = createHttpSender({ allowlist: ['127.0.0.1'] })
})
afterAll(async () => {
  await sender.close()
  await receiver.close()
})

describe('slack channel', () => {
  it('posts a Slack incoming-webhook message with the text', async () => {
    const channel = createSlackChannel({ sender })
    const result = await channel.send({
      idempotencyKey: 'k1',
      address: `${receiver.url}/services/T/B/x`,
      subject: 's',
      text: 'Checkout is down. https://status.acme.test',
    })
    expect(result).toEqual({ ok: true, detail: 'HTTP 200' })
    const received = receiver.requests.at(-1)
    expect(JSON.parse(received?.body ?? '')).toEqual({
      text: 'Checkout is down. https://status.acme.test',
      unfurl_links: false,
      unfurl_media: false,
    })
    expect(received?.headers['candor-idempotency-key']).toBe('k1')
  })

  it('treats a removed hook (404 no_service) as gone', async () => {
    const result = await createSlackChannel({ sender }).send({
      idempotencyKey: 'k2',
      address: `${receiver.url}/services/gone`,
      subject: 's',
      text: 't',
    })
    expect(result).toEqual({ ok: false, kind: 'gone', reason: 'HTTP 404: no_service' })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadReadmeVerifier, type Verifier } from '../../../test/support/readme-verifier.js'
import { startHttpReceiver, type HttpReceiver } from '../../../test/support/http-receiver.js'
import type { OutboundMessage } from './channel.js'
import { createHttpSender, type HttpSender } from './http-sender.js'
import type { Resolver } from './ssrf-guard.js'
import { createWebhookChannel } from './webhook-channel.js'

let receiver: HttpReceiver
let sender: HttpSender
let verify: Verifier
const answers = new Map<string, { status: number; body?: string; headers?: Record<string, string>; delayMs?: number }>()
// Names that exist only here: proves the connection goes to the address the guard checked.
const testDns: Resolver = async (hostname) => {
  if (hostname === 'hooks.allowed.test' || hostname === 'evil.test') return [{ address: '127.0.0.1', family: 4 }]
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
}

beforeAll(async () => {
  receiver = await startHttpReceiver({ respond: (req) => answers.get(req.path) ?? { status: 204 } })
  sender = createHttpSender({ allowlist: ['127.0.0.1/32', 'hooks.allowed.test'], resolver: testDns, timeoutMs: 1_000 })
  verify = await loadReadmeVerifier()
})
afterAll(async () => {
  await sender.close()
  await receiver.close()
})

const message = (path: string, overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  idempotencyKey: '0123456789abcdef0123456789abcdef',
  address: `${receiver.url}${path}`,
  subject: 'Checkout is down',
  text: 'We are investigating.',
  secret: 'whsec_test_secret',
  payload: { id: 'evt_1', type: 'incident.update', text: 'We are investigating. 我们正在调查。' },
  ...overrides,
})

describe('webhook channel', () => {
  it('posts the JSON event signed so that the README snippet verifies it, with the idempotency key', async () => {
    const channel = createWebhookChannel({ sender })
    expect(await channel.send(message('/ok'))).toEqual({ ok: true, detail: 'HTTP 204' })
    const received = receiver.requests.find((r) => r.path === '/ok')
    expect(received?.headers['content-type']).toBe('application/json')
    expect(received?.headers['candor-idempotency-key']).toBe('0123456789abcdef0123456789abcdef')
    expect(JSON.parse(received?.body ?? '')).toEqual({
      id: 'evt_1',
      type: 'incident.update',
      text: 'We are investigating. 我们正在调查。',
    })
    expect(verify(received?.body ?? '', String(received?.headers['candor-signature']), 'whsec_test_secret')).toBe(true)
    expect(verify(received?.body ?? '', String(received?.headers['candor-signature']), 'another_secret')).toBe(false)
  })

  it('carries the same idempotency key on a retry', async () => {
    const channel = createWebhookChannel({ sender })
    await channel.send(message('/twice'))
    await channel.send(message('/twice'))
    const keys = receiver.requests.filter((r) => r.path === '/twice').map((r) => r.headers['candor-idempotency-key'])
    expect(keys).toEqual(['0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'])
  })

  it('asks for a retry on a server error and honours Retry-After', async () => {
    answers.set('/busy', { status: 503, body: 'maintenance', headers: { 'retry-after': '120' } })
    const result = await createWebhookChannel({ sender }).send(message('/busy'))
    expect(result).toEqual({ ok: false, kind: 'retry', reason: 'HTTP 503: maintenance', retryAfterMs: 120_000 })
  })

  it('gives up on a payload the receiver refuses, and reports a removed endpoint as gone', async () => {
    answers.set('/bad', { status: 422 })
    answers.set('/gone', { status: 410 })
    expect(await createWebhookChannel({ sender }).send(message('/bad'))).toMatchObject({ ok: false, kind: 'permanent' })
    expect(await createWebhookChannel({ sender }).send(message('/gone'))).toMatchObject({ ok: false, kind: 'gone' })
  })

  it('does not follow a redirect', async () => {
    answers.set('/moved', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } })
    expect(await createWebhookChannel({ sender }).send(message('/moved'))).toMatchObject({
      ok: false,
      kind: 'permanent',
    })
    expect(receiver.requests.filter((r) => r.path === '/latest/meta-data')).toHaveLength(0)
  })

  it('times out a receiver that does not answer, and asks for a retry', async () => {
    answers.set('/slow', { status: 200, delayMs: 3_000 })
    const started = Date.now()
    const result = await createWebhookChannel({ sender }).send(message('/slow'))
    expect(result).toMatchObject({ ok: false, kind: 'retry' })
    expect(Date.now() - started).toBeLessThan(2_500)
  })

  it('asks for a retry when nothing listens', async () => {
    const result = await createWebhookChannel({ sender }).send(message('/x', { address: 'http://127.0.0.1:1/hook' }))
    expect(result).toMatchObject({ ok: false, kind: 'retry', reason: expect.stringContaining('ECONNREFUSED') })
  })

  it('refuses without the allowlist a loopback URL, and a name that resolves to loopback', async () => {
    const strict = createHttpSender({ resolver: testDns })
    const channel = createWebhookChannel({ sender: strict })
    const before = receiver.count()
    expect(await channel.send(message('/ssrf'))).toMatchObject({
      ok: false,
      kind: 'permanent',
      reason: expect.stringContaining('loopback'),
    })
    const byName = await channel.send(message('/ssrf', { address: `http://evil.test:${receiver.port}/ssrf` }))
    expect(byName).toMatchObject({
      ok: false,
      kind: 'permanent',
      reason: expect.stringContaining('evil.test resolves to 127.0.0.1'),
    })
    expect(receiver.count()).toBe(before)
    await strict.close()
  })

  it('connects to the address it checked for an allowlisted name', async () => {
    const result = await createWebhookChannel({ sender }).send(
      message('/pinned', { address: `http://hooks.allowed.test:${receiver.port}/pinned` }),
    )
    expect(result).toEqual({ ok: true, detail: 'HTTP 204' })
    expect(receiver.requests.find((r) => r.path === '/pinned')?.headers.host).toBe(
      `hooks.allowed.test:${receiver.port}`,
    )
  })

  it('refuses to send without a signing secret', async () => {
    expect(await createWebhookChannel({ sender }).send(message('/nosecret', { secret: undefined }))).toMatchObject({
      ok: false,
      kind: 'permanent',
    })
  })
})

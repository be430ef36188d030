import { afterEach, describe, expect, it } from 'vitest'
import type { DeliveryChannel, OutboundMessage, SendResult } from '../channels/channel.js'
import { ChannelRegistry } from '../channels/channel-registry.js'
import { startDeliveryWorker, type DeliveryWorker } from './delivery-worker.js'
import { createMessageComposer } from './message-composer.js'
import { createMemoryOutbox, type MemoryRow } from './memory-outbox.js'

const t0 = new Date('2026-03-01T10:00:00Z')
const fastPolicy = { maxAttempts: 3, initialDelayMs: 1, multiplier: 2, maxDelayMs: 10, jitterRatio: 0 }

const page = { name: 'Acme', statusUrl: 'https://status.acme.test', locale: 'en', brand: {} }
const composer = createMessageComposer({
  loadUpdate: async () => ({
    facts: {
      pageName: 'Acme',
      statusUrl: 'https://status.acme.test',
      incidentTitle: 'Checkout',
      affectedComponents: ['Checkout'],
      message: 'We are on it.',
    },
    page,
    writtenAt: t0,
    event: { type: 'incident.update' },
  }),
  loadPage: async () => page,
  unsubscribeUrl: (d) => `https://status.acme.test/unsubscribe/${d.subscriberId}`,
  confirmUrl: (d) => `https://status.acme.test/confirm/${d.subscriberId}`,
  fromFor: () => '"Acme" <status@acme.test>',
  confirmationValidHours: 48,
})

const row = (i: number, channel = 'email'): MemoryRow => ({
  id: String(i),
  orgId: 'o',
  pageId: 'p',
  kind: 'update',
  updateId: 'u1',
  subscriberId: `s${i}`,
  channel,
  stage: 'acknowledge',
  attempts: 0,
  address: channel === 'email' ? `user${i}@example.test` : `https://hooks.example/${i}`,
  locale: null,
  audience: 'customer',
  secret: channel === 'email' ? null : 'secret',
  subscriberState: 'active',
  confirmationExpiresAt: null,
  status: 'pending',
  nextAttemptAt: t0,
  lockedUntil: null,
  lastError: null,
})

function recordingChannel(
  kind: string,
  answer: (m: OutboundMessage, n: number) => SendResult,
  sent: OutboundMessage[],
): DeliveryChannel {
  let n = 0
  return {
    kind,
    send: async (m) => {
      sent.push(m)
      return answer(m, n++)
    },
  }
}

async function until(check: () => boolean, timeoutMs = 5_000) {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}

let worker: DeliveryWorker | undefined
afterEach(async () => {
  await worker?.stop()
  worker = undefined
})

describe('delivery worker', () => {
  it('sends every claimed row once and marks it sent', async () => {
    const outbox = createMemoryOutbox(Array.from({ length: 250 }, (_, i) => row(i)))
    const sent: OutboundMessage[] = []
    const registry = new ChannelRegistry().register(recordingChannel('email', () => ({ ok: true }), sent))
    worker = startDeliveryWorker({ outbox, registry, composer }, { batchSize: 40, idlePollMs: 10 })
    await until(() => outbox.rows.every((r) => r.status === 'sent'))
    expect(sent).toHaveLength(250)
    expect(new Set(sent.map((m) => m.address)).size).toBe(250)
    expect(sent[0]?.text).toContain('https://status.acme.test/unsubscribe/s')
    expect(sent[0]?.idempotencyKey).toMatch(/^[0-9a-f]{32}$/)
  })

  it('retries a failing send with backoff and fails it after the last attempt, keeping the same key', async () => {
    const outbox = createMemoryOutbox([row(1, 'webhook')])
    const sent: OutboundMessage[] = []
    const registry = new ChannelRegistry().register(
      recordingChannel('webhook', () => ({ ok: false, kind: 'retry', reason: 'HTTP 503' }), sent),
    )
    worker = startDeliveryWorker({ outbox, registry, composer }, { idlePollMs: 5, retryPolicy: fastPolicy })
    await until(() => outbox.rows[0]?.status === 'failed')
    expect(sent).toHaveLength(3)
    expect(new Set(sent.map((m) => m.idempotencyKey)).size).toBe(1)
    expect(outbox.rows[0]).toMatchObject({ attempts: 3, lastError: 'HTTP 503' })
  })

  it('succeeds on a later attempt after failures', async () => {
    const outbox = createMemoryOutbox([row(1, 'webhook')])
    const sent: OutboundMessage[] = []
    const registry = new ChannelRegistry().register(
      recordingChannel(
        'webhook',
        (_, n) => (n < 2 ? { ok: false, kind: 'retry', reason: 'HTTP 500' } : { ok: true }),
        sent,
      ),
    )
    worker = startDeliveryWorker({ outbox, registry, composer }, { idlePollMs: 5, retryPolicy: fastPolicy })
    await until(() => outbox.rows[0]?.status === 'sent')
    expect(sent).toHaveLength(3)
  })

  it('gives up at once on a gone address and reports the disabled subscriber', async () => {
    const outbox = createMemoryOutbox([row(7, 'webhook')])
    const disabled: string[] = []
    const registry = new ChannelRegistry().register(
      recordingChannel('webhook', () => ({ ok: false, kind: 'gone', reason: 'HTTP 410' }), []),
    )
    worker = startDeliveryWorker(
      { outbox, registry, composer, onDisabled: (id) => disabled.push(id) },
      { idlePollMs: 5, retryPolicy: fastPolicy },
    )
    await until(() => disabled.length === 1)
    expect(outbox.rows[0]).toMatchObject({ status: 'failed', attempts: 1 })
    expect(disabled).toEqual(['s7'])
  })

  it('keeps to the channel rate limit', async () => {
    const outbox = createMemoryOutbox(Array.from({ length: 30 }, (_, i) => row(i)))
    const registry = new ChannelRegistry().register(recordingChannel('email', () => ({ ok: true }), []))
    const started = performance.now()
    worker = startDeliveryWorker(
      { outbox, registry, composer },
      { idlePollMs: 5, rateLimits: { email: { ratePerSecond: 100, burst: 10 } } },
    )
    await until(() => outbox.rows.every((r) => r.status === 'sent'))
    // 10 at once, then 20 more at 100/s: at least ~200 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(180)
  })

  it('skips a subscriber who left after the update was queued, and an expired confirmation', async () => {
    const left = { ...row(1), subscriberState: 'unsubscribed' }
    const expired = {
      ...row(2),
      kind: 'confirmation' as const,
      updateId: null,
      stage: null,
      subscriberState: 'pending',
      confirmationExpiresAt: new Date(Date.now() - 1000),
    }
    const confirm = {
      ...row(3),
      kind: 'confirmation' as const,
      updateId: null,
      stage: null,
      subscriberState: 'pending',
      confirmationExpiresAt: new Date(Date.now() + 3_600_000),
    }
    const outbox = createMemoryOutbox([left, expired, confirm])
    const sent: OutboundMessage[] = []
    const registry = new ChannelRegistry().register(recordingChannel('email', () => ({ ok: true }), sent))
    worker = startDeliveryWorker({ outbox, registry, composer }, { idlePollMs: 5 })
    await until(() => outbox.rows.every((r) => r.status !== 'pending' && r.status !== 'sending'))
    expect(outbox.rows.map((r) => r.status)).toEqual(['skipped', 'skipped', 'sent'])
    expect(sent).toHaveLength(1)
    expect(sent[0]?.text).toContain('https://status.acme.test/confirm/s3')
  })

  it('builds a webhook event with the message and the idempotency key as its id', async () => {
    const outbox = createMemoryOutbox([row(3, 'webhook')])
    const sent: OutboundMessage[] = []
    const registry = new ChannelRegistry().register(recordingChannel('webhook', () => ({ ok: true }), sent))
    worker = startDeliveryWorker({ outbox, registry, composer }, { idlePollMs: 5 })
    await until(() => sent.length === 1)
    expect(sent[0]?.payload).toMatchObject({
      id: sent[0]?.idempotencyKey,
      type: 'incident.update',
      message: { stage: 'acknowledge', locale: 'en' },
    })
    expect(sent[0]?.secret).toBe('secret')
  })
})

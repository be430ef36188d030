import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { sharedDeadlines } from '../shared-deadlines.js'
import type { DeliveryChannel } from '../channels/channel.js'
import { type LaneContext, sendOne } from './lane-tools.js'
import type { MessageComposer } from './message-composer.js'
import type { ClaimedDelivery } from './outbox-port.js'

const delivery = { id: 'd1', kind: 'update', attempts: 1 } as ClaimedDelivery

function laneWith(channel: DeliveryChannel, timeoutMs: number) {
  const deadline = sharedDeadlines(timeoutMs)
  const ctx = {
    channel,
    composer: { compose: async () => ({ message: { to: 'a@example.com' } }) } as unknown as MessageComposer,
    gate: { pass: async () => {} },
    sendTimeoutMs: timeoutMs,
    deadline,
    now: () => new Date(),
  } as unknown as LaneContext
  return { ctx, deadline }
}

describe('sending one delivery', () => {
  it('abandons a send that outlives its deadline: a stalled relay is down, a stalled webhook is retried', async () => {
    const never: DeliveryChannel['send'] = () => new Promise(() => {})
    const stopping = new AbortController().signal
    const email = laneWith({ kind: 'email', send: never }, 50)
    expect(await sendOne(email.ctx, delivery, stopping)).toMatchObject({
      kind: 'failed',
      result: { kind: 'unavailable', reason: 'no answer within 50 ms' },
    })
    const webhook = laneWith({ kind: 'webhook', send: never }, 50)
    expect(await sendOne(webhook.ctx, delivery, stopping)).toMatchObject({ kind: 'failed', result: { kind: 'retry' } })
  })

  it('leaves no listener behind on the shared signal once a send has finished', async () => {
    const stopping = new AbortController().signal
    const { ctx, deadline } = laneWith({ kind: 'webhook', send: async () => ({ ok: true }) }, 60_000)
    for (let i = 0; i < 1_000; i++) expect(await sendOne(ctx, delivery, stopping)).toEqual({ kind: 'sent' })
    expect(getEventListeners(deadline(stopping), 'abort')).toHaveLength(0)
  })

  it('gives the row back untried when the worker stops mid-send', async () => {
    const stop = new AbortController()
    const { ctx } = laneWith({ kind: 'email', send: () => new Promise(() => {}) }, 60_000)
    const outcome = sendOne(ctx, delivery, stop.signal)
    setImmediate(() => stop.abort())
    expect(await outcome).toEqual({ kind: 'abandoned' })
  })
})

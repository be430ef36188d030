import { afterEach, describe, expect, it } from 'vitest'
import { createIncident } from '../../src/app/incidents/create-incident.js'
import { systemContext } from '../../src/app/context.js'
import { getUpdateDeliveries } from '../../src/app/subscribers/delivery-status.js'
import { startHttpReceiver } from '../support/http-receiver.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { forEachDatabase } from '../support/databases.js'
import { startServer, type ServerProcess } from '../support/server-process.js'
import { openPlace, placeForEngine, seedFanOut, startDeliverNode, waitUntil } from './crash-helpers.js'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => undefined)
})

/** Lanes × batch size, plus the single-delivery lane's claim: what `candor` reports at start. */
const inFlightWindow = 2 * 500 + 100

function repeatsOf<T>(items: T[], keyOf: (item: T) => string) {
  const byKey = new Map<string, T[]>()
  for (const item of items) byKey.set(keyOf(item), [...(byKey.get(keyOf(item)) ?? []), item])
  return [...byKey.values()].filter((list) => list.length > 1)
}

forEachDatabase((engine) => {
  describe('crash safety', () => {
    it('delivers every email after kill -9 mid fan-out, repeating only what was in flight, with the same key', {
      timeout: 600_000,
    }, async () => {
      const total = 20_000
      const sink = await startSmtpSink()
      cleanup.push(() => sink.close())
      const place = await placeForEngine(engine)
      cleanup.push(place.cleanup)
      const setup = await openPlace(place.env)
      const { pageId, auth } = await seedFanOut(setup, 'email', total)
      await setup.database.close()

      const env = { ...place.env, SMTP_URL: sink.url, BASE_URL: 'http://status.crash.test' }
      let server: ServerProcess = await startServer({ env })
      cleanup.push(() => server.stop('SIGKILL'))
      const published = await fetch(`${server.url}/api/incidents`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Checkout errors',
          page_id: pageId,
          body: 'Some payments fail; we are investigating.',
        }),
      })
      expect(published.status).toBe(201)
      const incident = (await published.json()) as { id: string; updates: { id: string }[] }
      await waitUntil(() => sink.messages.length >= total / 4, 300_000, 'a quarter of the fan-out')
      await server.stop('SIGKILL')
      const atKill = sink.messages.length

      server = await startServer({ env })
      await waitUntil(() => new Set(sink.messages.flatMap((m) => m.to)).size >= total, 400_000, 'every subscriber')
      // Done when the server says so (nothing queued, sending or waiting for a retry), not after a guessed pause.
      const statusUrl =
        `${server.url}/api/incidents/${incident.id}` + `/updates/${incident.updates[0]!.id}/deliveries?limit=1`
      const readStatus = async () =>
        (await (await fetch(statusUrl, { headers: auth })).json()) as {
          counts: Record<string, number>
          is_done: boolean
        }
      let status = await readStatus()
      await waitUntil(
        async () => {
          status = await readStatus()
          return status.is_done
        },
        60_000,
        'the server to report every delivery settled',
      )
      await server.stop()

      const recipients = new Set(sink.messages.flatMap((m) => m.to))
      expect(recipients.size).toBe(total)
      const repeats = repeatsOf(sink.messages, (m) => m.to.join(','))
      const repeated = repeats.reduce((n, list) => n + list.length - 1, 0)
      console.log(
        `${engine}: killed after ${atKill} of ${total} emails; ${repeated} repeats ` +
          `(in-flight window ${inFlightWindow}); ${sink.messages.length} messages in all`,
      )
      expect(repeated).toBeLessThanOrEqual(inFlightWindow)
      for (const list of repeats) expect(new Set(list.map((m) => m.idempotencyKey)).size).toBe(1)
      expect(new Set(sink.messages.map((m) => m.idempotencyKey)).size).toBe(total)
      expect(status.counts).toMatchObject({ sent: total, pending: 0, sending: 0, failed: 0, total })
    })

    it('delivers every webhook through a receiver failing 30% of ' +
      'calls, across kill -9, never repeating a recorded success', {
      timeout: 600_000,
    }, async () => {
      const total = 3_000
      const receiver = await startHttpReceiver({ respond: () => ({ status: Math.random() < 0.3 ? 503 : 200 }) })
      cleanup.push(() => receiver.close())
      const place = await placeForEngine(engine)
      cleanup.push(place.cleanup)
      const setup = await openPlace(place.env, { WEBHOOK_ALLOWLIST: '127.0.0.1' })
      const { orgId, pageId } = await seedFanOut(setup, 'webhook', total, receiver.url)
      const incident = await createIncident(setup.deps, systemContext(orgId, new Date(), 'crash test'), {
        title: 'API errors',
        page_id: pageId,
        body: 'Some API calls fail.',
      })
      await setup.database.close()

      const env = { ...place.env, WEBHOOK_ALLOWLIST: '127.0.0.1', BASE_URL: 'http://status.crash.test' }
      const settings = {
        retry: { initialDelayMs: 100, maxDelayMs: 800, maxAttempts: 50, jitterRatio: 0.2 },
        worker: { idlePollMs: 50, leaseMs: 5_000 },
      }
      let node = await startDeliverNode(env, settings)
      cleanup.push(() => node.stop('SIGKILL'))
      const succeeded = () => new Set(receiver.requests.filter((r) => r.status === 200).map((r) => r.path))
      await waitUntil(() => succeeded().size >= total / 3, 300_000, 'a third of the webhooks')
      await node.stop('SIGKILL')
      const atKill = receiver.requests.length
      node = await startDeliverNode(env, settings)
      await waitUntil(() => succeeded().size >= total, 400_000, 'every webhook')
      // A graceful stop finishes what is in flight, so any repeat has arrived by the time it exits.
      await node.stop()

      const byPath = new Map<string, { status: number; key: unknown; order: number }[]>()
      receiver.requests.forEach((r, order) =>
        byPath.set(r.path, [
          ...(byPath.get(r.path) ?? []),
          { status: r.status, key: r.headers['candor-idempotency-key'], order },
        ]),
      )
      expect(byPath.size).toBe(total)
      let repeated = 0
      for (const [, calls] of byPath) {
        expect(new Set(calls.map((c) => c.key)).size).toBe(1)
        const successes = calls.filter((c) => c.status === 200)
        expect(successes.length).toBeGreaterThanOrEqual(1)
        if (successes.length > 1) {
          repeated += successes.length - 1
          // Only a success the dead process had not recorded is sent again.
          expect(successes[0]!.order).toBeLessThan(atKill)
        }
      }
      const final = await statusOf(place.env, orgId, incident)
      const retried = final.recipients.filter((r) => r.attempts > 1 && r.last_error === 'HTTP 503')
      console.log(
        `${engine}: ${receiver.requests.length} calls for ${total} webhooks (` +
          `${receiver.requests.filter((r) => r.status === 503).length} answered 503); killed ` +
          `after ${atKill} calls; ${repeated} repeated successes (window ${inFlightWindow}` +
          `); ${retried.length} of the first ${final.recipients.length} listed were retried`,
      )
      expect(repeated).toBeLessThanOrEqual(inFlightWindow)
      expect(final.counts).toMatchObject({ sent: total, failed: 0, retrying: 0, pending: 0, total })
      expect(retried.length).toBeGreaterThan(0)
    })
  })
})

async function statusOf(
  env: Record<string, string>,
  orgId: string,
  incident: { id: string; updates: { id: string }[] },
) {
  const place = await openPlace(env)
  try {
    return await getUpdateDeliveries(
      place.deps,
      systemContext(orgId, new Date(), 'crash test'),
      incident.id,
      incident.updates[0]!.id,
      { limit: 1000 },
    )
  } finally {
    await place.database.close()
  }
}

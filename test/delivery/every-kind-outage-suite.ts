import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHttpReceiver } from '../support/http-receiver.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import type { Engine } from '../support/databases.js'
import { startServer } from '../support/server-process.js'
import { startTcpProxy } from '../support/tcp-proxy.js'
import { openPlace, waitUntil } from '../subscribers/crash-helpers.js'
import { cleanup, configFile, everyKindPlace, received, tally } from './every-kind-place.js'
import { statesByKind } from './every-kind-seed.js'

const outageMs = Number(process.env.OUTAGE_MS ?? 60_000)

/** The suite for one engine; each engine has its own file so the two run side by side. */
export function outageSuite(engine: Engine) {
  describe('every kind of message through the one outbox', () => {
    it(`delivers everything of every kind after the relay and the ` +
      `webhook receiver are down ${outageMs / 1000} s mid fan-out`, {
      timeout: 900_000,
    }, async () => {
      const sink = await startSmtpSink()
      const receiver = await startHttpReceiver()
      const relay = await startTcpProxy({ port: sink.port })
      const hooks = await startTcpProxy({ port: receiver.port })
      cleanup.push(
        () => sink.close(),
        () => receiver.close(),
        () => relay.close(),
        () => hooks.close(),
      )
      const { place, setup, orgId, expected } = await everyKindPlace(engine, 5_000, hooks.url('http'))
      await setup.database.close()
      const env = {
        ...place.env,
        SMTP_URL: relay.url('smtp'),
        SMTP_RATE_PER_SECOND: '2000',
        WEBHOOK_ALLOWLIST: '127.0.0.1',
        BASE_URL: 'http://status.crash.test',
        CANDOR_CONFIG: configFile(mkdtempSync(join(tmpdir(), 'candor-outage-'))),
      }
      const server = await startServer({ env })
      cleanup.push(() => server.stop('SIGKILL'))
      await waitUntil(() => received(sink, receiver).length >= expected.length / 5, 600_000, 'a fifth of the messages')
      relay.refuse()
      hooks.refuse()
      const atOutage = received(sink, receiver).length
      await new Promise((resolve) => setTimeout(resolve, outageMs))
      relay.restore()
      hooks.restore()
      const restoredAt = Date.now()
      await waitUntil(
        () => tally(expected, received(sink, receiver)).lost.length === 0,
        600_000,
        'every message',
      ).catch(async (error: Error) => {
        const missing = tally(expected, received(sink, receiver)).lost
        const counts: Record<string, number> = {}
        for (const m of missing) counts[m.kind] = (counts[m.kind] ?? 0) + 1
        const states = engine === 'postgres' ? await statesByKind(await openPlace(place.env), orgId) : 'n/a'
        throw new Error(`${error.message}: missing ${JSON.stringify(counts)}; states ${JSON.stringify(states)}`)
      })
      const drainedMs = Date.now() - restoredAt
      const stopped = await server.stop('SIGTERM')

      const after = await openPlace(place.env)
      cleanup.push(() => after.database.close())
      const states = await statesByKind(after, orgId)
      const { lost, repeats } = tally(expected, received(sink, receiver))
      console.log(
        `${engine}: ${expected.length} messages; outage after ${atOutage}; all delivered ${drainedMs} ms after` +
          ` the relay came back; ${repeats} repeats; states ${JSON.stringify(states)}`,
      )
      expect(lost).toEqual([])
      expect(stopped).toBe(0)
      for (const [kind, byState] of Object.entries(states)) {
        // Nothing stuck: no message left queued, sending or waiting for a retry.
        expect(
          Object.keys(byState).filter((s) => s !== 'sent' && s !== 'failed'),
          kind,
        ).toEqual([])
      }
    })
  })
}

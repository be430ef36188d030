import { describe, expect, it } from 'vitest'
import { startHttpReceiver } from '../support/http-receiver.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import type { Engine } from '../support/databases.js'
import { startServer, type ServerProcess } from '../support/server-process.js'
import { openPlace, waitUntil } from '../subscribers/crash-helpers.js'
import { cleanup, everyKindPlace, inFlightWindowPerChannel, received, tally } from './every-kind-place.js'
import { statesByKind } from './every-kind-seed.js'

/** The suite for one engine; each engine has its own file so the two run side by side. */
export function crashSuite(engine: Engine) {
  describe('every kind of message through the one outbox', () => {
    it('loses nothing of any kind to kill -9 mid fan-out of 20,000, repeating only what was in flight', {
      timeout: 900_000,
    }, async () => {
      const sink = await startSmtpSink()
      const receiver = await startHttpReceiver()
      cleanup.push(
        () => sink.close(),
        () => receiver.close(),
      )
      const { place, setup, orgId, expected } = await everyKindPlace(engine, 20_000, receiver.url)
      await setup.database.close()
      const env = {
        ...place.env,
        SMTP_URL: sink.url,
        WEBHOOK_ALLOWLIST: '127.0.0.1',
        BASE_URL: 'http://status.crash.test',
      }

      let server: ServerProcess = await startServer({ env })
      cleanup.push(() => server.stop('SIGKILL'))
      await waitUntil(
        () => received(sink, receiver).length >= expected.length / 4,
        600_000,
        'a quarter of the messages',
      )
      await server.stop('SIGKILL')
      const atKill = received(sink, receiver).length
      server = await startServer({ env })
      await waitUntil(() => tally(expected, received(sink, receiver)).lost.length === 0, 600_000, 'every message')
      await server.stop()

      const after = await openPlace(place.env)
      cleanup.push(() => after.database.close())
      const { lost, repeats, kinds } = tally(expected, received(sink, receiver))
      const states = await statesByKind(after, orgId)
      console.log(
        `${engine}: ${expected.length} messages (${kinds.join(', ')}); killed after ${atKill}; ${repeats} repeats` +
          ` (bound ${2 * inFlightWindowPerChannel}); states ${JSON.stringify(states)}`,
      )
      expect(kinds).toEqual(['account_mail', 'freeze_webhook', 'page', 'role_notice', 'stakeholder_notice', 'update'])
      expect(lost).toEqual([])
      expect(repeats).toBeLessThanOrEqual(2 * inFlightWindowPerChannel)
      for (const [kind, byState] of Object.entries(states)) {
        expect(
          Object.keys(byState).filter((s) => s !== 'sent' && s !== 'failed'),
          kind,
        ).toEqual([])
      }
    })
  })
}

import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { createIntegration } from './intake-helpers.js'

const REQUESTS = 40

forEachDatabase((engine) => {
  describe('alert intake under concurrent requests', () => {
    it('stores alerts that arrive together in a few transactions, not one each', async () => {
      const { app, org, deps } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'webhook')
      await app.listen({ host: '127.0.0.1', port: 0 })
      const { port } = app.server.address() as AddressInfo
      const burst = (round: string) =>
        Promise.all(
          Array.from({ length: REQUESTS }, (_, i) =>
            fetch(`http://127.0.0.1:${port}/api/intake/webhook/${key}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ summary: `disk full on host-${i}`, dedup_key: `${round}-${i}` }),
            }).then((r) => r.status),
          ),
        )
      // The first burst opens the connections; the second arrives on them at once, as in a storm.
      expect(await burst('first')).toEqual(Array(REQUESTS).fill(202))
      expect(await burst('second')).toEqual(Array(REQUESTS).fill(202))
      // Each transaction leaves its id in xmin of the rows it wrote.
      const { rows } = await sql<{ events: number; transactions: number }>`
        SELECT count(*)::int AS events, count(DISTINCT xmin::text)::int AS transactions FROM alert_events
        WHERE org_id = ${org.id} AND dedup_key LIKE 'second-%'`.execute(deps.store.db)
      expect(rows[0]!.events).toBe(REQUESTS)
      // The embedded engine once stored each request alone, since its statements finish before the
      // next request is read.
      expect(rows[0]!.transactions).toBeLessThanOrEqual(REQUESTS / 4)
    })
  })
})

import { describe, expect, it } from 'vitest'
import { firingForTimersJob, runFiringForTimers } from '../../src/jobs/firing-for-timers.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { getJson } from '../oncall/oncall-fixtures.js'
import { createIntegration, createRule, postJson } from './intake-helpers.js'

const MIN = 60_000

async function setUp(t: TestApp) {
  const { key } = await createIntegration(t.app, t.org, 'webhook')
  const rule = await createRule(t.app, t.org, {
    name: 'checkout down for five minutes',
    conditions: [{ field: 'labels.service', op: 'equals', value: 'checkout' }],
    actions: [{ type: 'open_incident', firing_for: { minutes: 5 }, severity: 4 }],
  })
  const send = async (dedupKey: string, status: 'firing' | 'resolved' = 'firing') =>
    (
      await postJson(
        t.app,
        `/api/intake/webhook/${key}`,
        status === 'firing'
          ? { summary: `Checkout down (${dedupKey})`, dedup_key: dedupKey, labels: { service: 'checkout' } }
          : { dedup_key: dedupKey, status },
      )
    ).json().alerts[0]
  const incidents = () => getJson(t.app, '/api/incidents', t.org.auth)
  const runAt = (minutesFromStart: number, start: Date) =>
    runFiringForTimers(t.deps, new Date(start.getTime() + minutesFromStart * MIN))
  return { rule, send, incidents, runAt }
}

forEachDatabase((engine) => {
  describe('"firing for longer than N minutes"', () => {
    it('opens the incident only once the alert has fired for longer than 5 minutes', async () => {
      const t = await createTestApp(engine)
      const start = t.clock.now
      const { rule, send, incidents, runAt } = await setUp(t)
      const fired = await send('a')
      expect(fired.incident_id).toBeNull()
      const waiting = await getJson(t.app, `/api/alerts/${fired.alert_id}`, t.org.auth)
      expect(waiting.routing.incident).toEqual({
        rule_id: rule.id,
        waiting: { firing_for_minutes: 5, due_at: '2026-11-20T09:05:00.000Z' },
      })

      expect(await runAt(4, start)).toBe(0)
      expect(await runAt(5, start)).toBe(0)
      expect(await incidents()).toEqual([])

      expect(await runAt(6, start)).toBe(1)
      const [incident] = await incidents()
      expect(incident).toMatchObject({
        title: 'Firing for more than 5 min: Checkout down (a)',
        status: 'triage',
        severity: 4,
        started_at: '2026-11-20T09:00:00.000Z',
      })
      const opened = await getJson(t.app, `/api/alerts/${fired.alert_id}`, t.org.auth)
      expect(opened).toMatchObject({
        incident_id: incident.id,
        routing: { incident: { rule_id: rule.id, opened: incident.id, fired_for_minutes: 5 } },
      })
      // The timer is gone: running again later does nothing more.
      expect(await runAt(60, start)).toBe(0)
      expect(await incidents()).toHaveLength(1)
    })

    it('opens nothing for an alert that resolves before the 5 minutes are up', async () => {
      const t = await createTestApp(engine)
      const start = t.clock.now
      const { send, incidents, runAt } = await setUp(t)
      const fired = await send('a')
      t.clock.advance(3 * MIN)
      expect((await send('a', 'resolved')).change).toBe('resolved')
      expect(await runAt(6, start)).toBe(1)
      expect(await incidents()).toEqual([])
      const stored = await getJson(t.app, `/api/alerts/${fired.alert_id}`, t.org.auth)
      expect(stored.routing.incident).toMatchObject({ dropped: 'resolved' })
      expect(await runAt(60, start)).toBe(0)
    })

    it('starts the count again when the alert resolves and fires again', async () => {
      const t = await createTestApp(engine)
      const start = t.clock.now
      const { send, incidents, runAt } = await setUp(t)
      await send('a')
      t.clock.advance(2 * MIN)
      await send('a', 'resolved')
      t.clock.advance(MIN)
      expect((await send('a')).change).toBe('reopened')
      // Five minutes after the first firing, but only three into this one.
      expect(await runAt(6, start)).toBe(0)
      expect(await incidents()).toEqual([])
      expect(await runAt(8.5, start)).toBe(1)
      expect(await incidents()).toMatchObject([{ started_at: '2026-11-20T09:03:00.000Z' }])
    })

    it('lets a later alert of the rule join the open incident once it too has fired long enough', async () => {
      const t = await createTestApp(engine)
      const start = t.clock.now
      const { send, incidents, runAt } = await setUp(t)
      const a = await send('a')
      t.clock.advance(2 * MIN)
      const b = await send('b')
      expect(await runAt(6, start)).toBe(1)
      const [incident] = await incidents()
      expect((await getJson(t.app, `/api/alerts/${b.alert_id}`, t.org.auth)).incident_id).toBeNull()
      expect(await runAt(8, start)).toBe(1)
      expect((await getJson(t.app, `/api/alerts/${b.alert_id}`, t.org.auth)).incident_id).toBe(incident.id)
      expect((await getJson(t.app, `/api/alerts/${a.alert_id}`, t.org.auth)).incident_id).toBe(incident.id)
      expect(await incidents()).toHaveLength(1)
    })

    it('drops the timer when the rule no longer asks for it, and waits longer when N grew', async () => {
      const t = await createTestApp(engine)
      const start = t.clock.now
      const { rule, send, incidents, runAt } = await setUp(t)
      await send('a')
      const patch = (actions: unknown) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/routing-rules/${rule.id}`,
          headers: t.org.auth,
          payload: { actions },
        })
      expect((await patch([{ type: 'open_incident', firing_for: { minutes: 30 } }])).statusCode).toBe(200)
      expect(await runAt(6, start)).toBe(1)
      expect(await incidents()).toEqual([])
      expect(await runAt(29, start)).toBe(0)
      expect(await runAt(31, start)).toBe(1)
      expect(await incidents()).toMatchObject([{ title: 'Firing for more than 30 min: Checkout down (a)' }])

      await send('b')
      expect((await patch([{ type: 'record' }])).statusCode).toBe(200)
      expect(await runAt(60, start)).toBe(1)
      expect(await incidents()).toHaveLength(1)
    })

    // Only PostgreSQL has a second connection to hold the row from; PGlite runs one transaction at a time.
    if (engine === 'postgres')
      it('skips a timer whose alert another transaction holds, and acts on it once released', async () => {
        const t = await createTestApp(engine)
        const start = t.clock.now
        const { send, incidents, runAt } = await setUp(t)
        const fired = await send('a')
        await t.deps.store.db.transaction().execute(async (trx) => {
          await trx.selectFrom('alerts').select('id').where('id', '=', fired.alert_id).forUpdate().execute()
          expect(await runAt(6, start)).toBe(0)
        })
        expect(await runAt(6, start)).toBe(1)
        expect(await incidents()).toHaveLength(1)
      })

    it('runs as a background service that acts on due timers when started', async () => {
      const t = await createTestApp(engine)
      const { send, incidents } = await setUp(t)
      await send('a')
      t.clock.advance(6 * MIN)
      const job = firingForTimersJob(t.deps, { clock: () => t.clock.now, intervalMs: 60_000 })
      await job.start()
      await job.drained()
      await job.stop()
      expect(await incidents()).toHaveLength(1)
    })
  })
})

import { describe, expect, it } from 'vitest'
import { startOncallJobs } from '../support/oncall-jobs.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import {
  alertmanagerAlert,
  alertmanagerGroup,
  createIntegration,
  createRule,
  postJson as postRaw,
} from '../intake/intake-helpers.js'
import { addMembers, getJson, postJson, type Member } from './oncall-fixtures.js'

const MIN = 60_000

interface PageView {
  id: string
  status: string
  level: number | null
  due_at: string | null
  notifications: { user_id: string; level: number | null; status: string }[]
  events: { type: string; actor: string }[]
}

/** Ana at level 1 (email), the lead at level 2; a rule pages the policy for every alert of the integration. */
async function setUp(t: TestApp, kind: 'alertmanager' | 'pagerduty' | 'webhook') {
  const [ana, lead] = (await addMembers(t.deps.store.db, t.org.id, ['Ana', 'Lead'])) as [Member, Member]
  await postJson(t.app, '/api/contact-methods', t.org.auth, {
    user_id: ana.id,
    kind: 'email',
    address: 'ana@example.test',
  })
  await postJson(t.app, '/api/contact-methods', t.org.auth, {
    user_id: lead.id,
    kind: 'email',
    address: 'lead@example.test',
  })
  const policy = await postJson(t.app, '/api/escalation-policies', t.org.auth, {
    name: 'Checkout',
    levels: [
      { ack_timeout_minutes: 5, targets: [{ type: 'user', id: ana.id }] },
      { ack_timeout_minutes: 10, targets: [{ type: 'user', id: lead.id }] },
    ],
  })
  const integration = await createIntegration(t.app, t.org, kind)
  await createRule(t.app, t.org, { name: 'page checkout', actions: [{ type: 'page', escalationPolicyId: policy.id }] })
  const jobs = await startOncallJobs(t)
  return { ana, lead, integration, jobs }
}

const onlyPage = async (t: TestApp): Promise<PageView> => {
  const pages = await getJson(t.app, '/api/oncall-pages', t.org.auth)
  expect(pages).toHaveLength(1)
  return getJson(t.app, `/api/oncall-pages/${pages[0].id}`, t.org.auth)
}

forEachDatabase((engine) => {
  describe('an alert settled at its source settles its page', () => {
    it(
      'Alertmanager "resolved" resolves the page: the timeout ' + 'escalates nobody and the lead is never notified',
      async () => {
        const t = await createTestApp(engine, { now: new Date('2026-11-20T09:00:00Z') })
        const { lead, integration, jobs } = await setUp(t, 'alertmanager')
        const url = `/api/intake/alertmanager/${integration.key}`
        expect((await postRaw(t.app, url, alertmanagerGroup([alertmanagerAlert('web-1', 'firing')]))).statusCode).toBe(
          202,
        )
        expect(await jobs.run()).toEqual({ escalated: 0, sent: 1 })
        expect(jobs.mailed()).toEqual(['ana@example.test'])
        expect(await onlyPage(t)).toMatchObject({ status: 'triggered', level: 1 })

        t.clock.advance(2 * MIN)
        expect(
          (await postRaw(t.app, url, alertmanagerGroup([alertmanagerAlert('web-1', 'resolved')]))).json().alerts[0]
            .change,
        ).toBe('resolved')
        const resolved = await onlyPage(t)
        expect(resolved).toMatchObject({ status: 'resolved', due_at: null })
        expect(resolved.events.at(-1)).toMatchObject({
          type: 'resolved',
          actor: 'integration:alertmanager integration',
        })

        t.clock.advance(30 * MIN)
        expect(await jobs.run()).toEqual({ escalated: 0, sent: 0 })
        const after = await onlyPage(t)
        expect(after).toMatchObject({ status: 'resolved', level: 1 })
        expect(after.notifications.filter((n) => n.user_id === lead.id)).toEqual([])
        expect(jobs.mailed()).toEqual(['ana@example.test'])
      },
    )

    it('PagerDuty acknowledge acknowledges the page, resolve then resolves it', async () => {
      const t = await createTestApp(engine, { now: new Date('2026-11-20T09:00:00Z') })
      const { lead, integration, jobs } = await setUp(t, 'pagerduty')
      const triggered = await postRaw(t.app, '/v2/enqueue', {
        routing_key: integration.key,
        event_action: 'trigger',
        payload: { summary: 'DB lag', source: 'db1', severity: 'critical' },
      })
      const { dedup_key } = triggered.json()
      await jobs.run()

      t.clock.advance(MIN)
      expect(
        (await postRaw(t.app, '/v2/enqueue', { routing_key: integration.key, event_action: 'acknowledge', dedup_key }))
          .statusCode,
      ).toBe(202)
      expect(await onlyPage(t)).toMatchObject({ status: 'acknowledged', due_at: null })
      t.clock.advance(30 * MIN)
      expect(await jobs.run()).toEqual({ escalated: 0, sent: 0 })

      expect(
        (await postRaw(t.app, '/v2/enqueue', { routing_key: integration.key, event_action: 'resolve', dedup_key }))
          .statusCode,
      ).toBe(202)
      const page = await onlyPage(t)
      expect(page.status).toBe('resolved')
      expect(page.events.map((e) => e.type)).toEqual(['triggered', 'notified', 'acknowledged', 'resolved'])
      expect(page.notifications.filter((n) => n.user_id === lead.id)).toEqual([])
    })

    it(
      'a generic webhook resolve stops the page; firing again later ' +
        'pages anew, and only the old page was resolved',
      async () => {
        const t = await createTestApp(engine, { now: new Date('2026-11-20T09:00:00Z') })
        const { integration, jobs } = await setUp(t, 'webhook')
        const url = `/api/intake/webhook/${integration.key}`
        await postRaw(t.app, url, { summary: 'Search slow', dedup_key: 'search' })
        const first = await onlyPage(t)
        t.clock.advance(MIN)
        expect((await postRaw(t.app, url, { dedup_key: 'search', status: 'resolved' })).json().alerts[0].change).toBe(
          'resolved',
        )
        expect((await getJson(t.app, `/api/oncall-pages/${first.id}`, t.org.auth)).status).toBe('resolved')

        t.clock.advance(MIN)
        expect(
          (await postRaw(t.app, url, { summary: 'Search slow', dedup_key: 'search' })).json().alerts[0].change,
        ).toBe('reopened')
        const pages: { id: string; status: string }[] = await getJson(t.app, '/api/oncall-pages', t.org.auth)
        expect(pages.map((p) => p.status).sort()).toEqual(['resolved', 'triggered'])
        t.clock.advance(5 * MIN)
        expect((await jobs.run()).escalated).toBe(1)

        // A resolve and a new firing in one request (another alert, far from flapping): the open page stops first, then
        // the firing pages anew.
        await postRaw(t.app, url, { summary: 'Index lag', dedup_key: 'index' })
        t.clock.advance(MIN)
        const both = await postRaw(t.app, url, {
          alerts: [
            { dedup_key: 'index', status: 'resolved' },
            { summary: 'Index lag', dedup_key: 'index' },
          ],
        })
        expect(both.json().alerts.map((a: { change: string }) => a.change)).toEqual(['resolved', 'reopened'])
        const after: { summary: string; status: string }[] = await getJson(t.app, '/api/oncall-pages', t.org.auth)
        expect(
          after
            .filter((p) => p.summary === 'Index lag')
            .map((p) => p.status)
            .sort(),
        ).toEqual(['resolved', 'triggered'])
        // Opened and resolved in one request: nobody is left paged for it.
        await postRaw(t.app, url, {
          alerts: [
            { summary: 'Blip', dedup_key: 'blip' },
            { dedup_key: 'blip', status: 'resolved' },
          ],
        })
        const blips: { summary: string; status: string }[] = await getJson(t.app, '/api/oncall-pages', t.org.auth)
        expect(blips.filter((p) => p.summary === 'Blip').map((p) => p.status)).toEqual(['resolved'])
      },
    )
  })
})

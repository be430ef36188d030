import { afterEach, describe, expect, it } from 'vitest'
import { simpleParser } from 'mailparser'
import { startHttpReceiver } from '../support/http-receiver.js'
import { advanceDueEscalations } from '../../src/jobs/escalation-timers.js'
import { startOncallJobs } from '../support/oncall-jobs.js'
import { createStore } from '../../src/store/store.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { addMembers, getJson, postJson, type Member } from './oncall-fixtures.js'

const MIN = 60_000
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const done of cleanup.splice(0)) await done()
})

/**
 * A primary schedule with Ana, a lead paged at level 2, Ana reached by email at once and by webhook after 2 minutes.
 */
async function setUp(t: TestApp, webhookUrl = 'https://hooks.example.test/ana') {
  const [ana, lead] = (await addMembers(t.deps.store.db, t.org.id, ['Ana', 'Lead'])) as [Member, Member]
  const schedule = await postJson(t.app, '/api/schedules', t.org.auth, {
    name: 'Primary',
    time_zone: 'UTC',
    layers: [
      {
        participant_ids: [ana.id],
        shift_length: 1,
        shift_unit: 'weeks',
        start_at: '2026-01-01T00:00:00Z',
        time_zone: 'UTC',
      },
    ],
  })
  await postJson(t.app, '/api/contact-methods', t.org.auth, {
    user_id: ana.id,
    kind: 'email',
    address: 'ana@example.test',
  })
  await postJson(t.app, '/api/contact-methods', t.org.auth, {
    user_id: ana.id,
    kind: 'webhook',
    address: webhookUrl,
    delay_minutes: 2,
  })
  const policy = await postJson(t.app, '/api/escalation-policies', t.org.auth, {
    name: 'Checkout',
    levels: [
      { ack_timeout_minutes: 5, targets: [{ type: 'schedule', id: schedule.id }] },
      { ack_timeout_minutes: 10, targets: [{ type: 'user', id: lead.id }] },
    ],
  })
  return { ana, lead, schedule, policy }
}

const trigger = (t: TestApp, policyId: string) =>
  postJson(t.app, '/api/oncall-pages', t.org.auth, { escalation_policy_id: policyId, summary: 'Checkout errors' })
const later = (t: TestApp, minutes: number) => new Date(t.clock.now.getTime() + minutes * MIN)

forEachDatabase((engine) => {
  describe('paging', () => {
    it(
      'pages level 1 through each contact method after its delay, ' +
        'then escalates on timeout and stops on acknowledge',
      async () => {
        const t = await createTestApp(engine, { now: new Date('2026-03-02T10:00:00Z') })
        const { ana, lead, policy } = await setUp(t)
        const page = await trigger(t, policy.id)
        expect(page).toMatchObject({ status: 'triggered', level: 1, due_at: '2026-03-02T10:05:00.000Z' })
        expect(
          page.notifications.map((n: { user_id: string; kind: string; due_at: string; status: string }) => [
            n.user_id,
            n.kind,
            n.due_at,
            n.status,
          ]),
        ).toEqual([
          [ana.id, 'email', '2026-03-02T10:00:00.000Z', 'pending'],
          [ana.id, 'in_app', '2026-03-02T10:00:00.000Z', 'sent'],
          [ana.id, 'webhook', '2026-03-02T10:02:00.000Z', 'pending'],
        ])

        expect(await advanceDueEscalations(t.deps, later(t, 4))).toBe(0)
        expect(await advanceDueEscalations(t.deps, later(t, 5))).toBe(1)
        const escalated = await getJson(t.app, `/api/oncall-pages/${page.id}`, t.org.auth)
        expect(escalated).toMatchObject({ status: 'triggered', level: 2, due_at: '2026-03-02T10:15:00.000Z' })
        // The lead has no contact method: the account address is emailed rather than nobody.
        expect(
          escalated.notifications
            .filter((n: { user_id: string }) => n.user_id === lead.id)
            .map((n: { kind: string; address: string }) => [n.kind, n.address]),
        ).toEqual([
          ['email', lead.email],
          ['in_app', ''],
        ])

        t.clock.advance(6 * MIN)
        const acked = await postJson(
          t.app,
          `/api/oncall-pages/${page.id}/acknowledge`,
          t.org.auth,
          { user_id: lead.id },
          200,
        )
        expect(acked).toMatchObject({ status: 'acknowledged', due_at: null, acknowledged_by: lead.id })
        expect(acked.notifications.filter((n: { status: string }) => n.status === 'pending')).toEqual([])
        expect(acked.notifications.find((n: { kind: string }) => n.kind === 'webhook').status).toBe('cancelled')
        expect(await advanceDueEscalations(t.deps, later(t, 60))).toBe(0)
        expect(acked.events.map((e: { type: string }) => e.type)).toEqual([
          'triggered',
          'notified',
          'escalated',
          'notified',
          'acknowledged',
        ])
        const again = await t.app.inject({
          method: 'POST',
          url: `/api/oncall-pages/${page.id}/acknowledge`,
          headers: t.org.auth,
          payload: {},
        })
        expect(again.statusCode).toBe(409)
      },
    )

    it('continues after a restart: the timer is a row, and a new process advances it', async () => {
      const t = await createTestApp(engine, { now: new Date('2026-03-02T10:00:00Z') })
      const { policy } = await setUp(t)
      const page = await trigger(t, policy.id)
      await t.app.close()
      const fresh = { store: createStore(t.database.db) }
      expect(await advanceDueEscalations(fresh, later(t, 5))).toBe(1)
      const row = await fresh.store.forOrg(t.org.id).oncall.pages.get(page.id)
      expect(row).toMatchObject({ level_index: 1, status: 'triggered' })
    })

    it('lets two job runners claim due pages at once without escalating any page twice', async () => {
      const t = await createTestApp(engine, { now: new Date('2026-03-02T10:00:00Z') })
      const { policy } = await setUp(t)
      const ids: string[] = []
      for (let i = 0; i < 12; i++) ids.push((await trigger(t, policy.id)).id)
      const moved = await Promise.all([
        advanceDueEscalations(t.deps, later(t, 5), { batchSize: 3 }),
        advanceDueEscalations(t.deps, later(t, 5), { batchSize: 3 }),
      ])
      expect(moved[0] + moved[1]).toBe(12)
      for (const id of ids) {
        const events = await t.deps.store.forOrg(t.org.id).oncall.pages.listEvents(id)
        expect(events.filter((e) => e.type === 'escalated')).toHaveLength(1)
      }
    })

    it('skips a level whose schedule has nobody on call instead of waiting out its timeout', async () => {
      const t = await createTestApp(engine, { now: new Date('2026-03-02T10:00:00Z') })
      const [lead] = await addMembers(t.deps.store.db, t.org.id, ['Lead'])
      const empty = await postJson(t.app, '/api/schedules', t.org.auth, { name: 'Empty', time_zone: 'UTC' })
      const policy = await postJson(t.app, '/api/escalation-policies', t.org.auth, {
        name: 'P',
        levels: [
          { ack_timeout_minutes: 30, targets: [{ type: 'schedule', id: empty.id }] },
          { ack_timeout_minutes: 10, targets: [{ type: 'user', id: lead!.id }] },
        ],
      })
      const page = await trigger(t, policy.id)
      expect(page).toMatchObject({ level: 2, due_at: '2026-03-02T10:10:00.000Z' })
      expect(page.events.map((e: { type: string; detail: { reason?: string } }) => e.detail.reason ?? e.type)).toEqual([
        'triggered',
        'notified',
        'nobody-on-call',
        'notified',
      ])
    })

    it('repeats the levels, then pages the fallback once and stops; resolve ends a page for good', async () => {
      const t = await createTestApp(engine, { now: new Date('2026-03-02T10:00:00Z') })
      const [a, boss] = await addMembers(t.deps.store.db, t.org.id, ['A', 'Boss'])
      const policy = await postJson(t.app, '/api/escalation-policies', t.org.auth, {
        name: 'P',
        repeat_count: 1,
        levels: [{ ack_timeout_minutes: 5, targets: [{ type: 'user', id: a!.id }] }],
        fallback_targets: [{ type: 'user', id: boss!.id }],
      })
      const page = await trigger(t, policy.id)
      expect(await advanceDueEscalations(t.deps, later(t, 5))).toBe(1)
      expect(await advanceDueEscalations(t.deps, later(t, 10))).toBe(1)
      const done = await getJson(t.app, `/api/oncall-pages/${page.id}`, t.org.auth)
      expect(done).toMatchObject({ status: 'triggered', is_fallback: true, is_exhausted: true, due_at: null })
      expect(
        done.notifications.filter(
          (n: { user_id: string; kind: string }) => n.user_id === boss!.id && n.kind === 'email',
        ),
      ).toHaveLength(1)
      expect(await advanceDueEscalations(t.deps, later(t, 100))).toBe(0)
      const resolved = await postJson(t.app, `/api/oncall-pages/${page.id}/resolve`, t.org.auth, {}, 200)
      expect(resolved).toMatchObject({ status: 'resolved', resolved_at: '2026-03-02T10:00:00.000Z' })
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/oncall-pages/${page.id}/escalate`,
            headers: t.org.auth,
            payload: {},
          })
        ).statusCode,
      ).toBe(409)
    })

    it(
      'sends due notifications through the outbox with signed links, ' +
        'retries failures and drops those of acknowledged pages',
      async () => {
        const t = await createTestApp(engine, { now: new Date('2026-03-02T10:00:00Z') })
        let webhookFails = true
        const receiver = await startHttpReceiver({ respond: () => ({ status: webhookFails ? 503 : 200 }) })
        cleanup.push(() => receiver.close())
        const { ana, policy } = await setUp(t, `${receiver.url}/ana`)
        const jobs = await startOncallJobs(t)
        const page = await trigger(t, policy.id)
        expect(await jobs.run()).toEqual({ escalated: 0, sent: 1 })
        const mail = await simpleParser(jobs.sink.messages[0]!.raw!)
        expect(jobs.mailed()).toEqual(['ana@example.test'])
        expect(mail.subject).toBe('[Page] Checkout errors')
        expect(mail.text).toMatch(/Acknowledge: http:\/\/status\.test\/oncall\/links\/acknowledge\?token=\S+/)
        expect(mail.text).toMatch(
          /Escalate to the next level: http:\/\/status\.test\/oncall\/links\/escalate\?token=\S+/,
        )

        // The webhook method waits its 2 minutes, then its receiver answers 503: retried, not lost.
        t.clock.advance(2 * 60_000)
        await jobs.run()
        expect(receiver.requests).toHaveLength(1)
        const delivered = JSON.parse(receiver.requests[0]!.body)
        expect(delivered).toMatchObject({ type: 'oncall.page', page: { id: page.id, level: 1 } })
        expect(receiver.requests[0]!.headers['candor-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
        let rows = await t.deps.store.forOrg(t.org.id).oncall.pages.listNotifications(page.id)
        const retried = rows.find((n) => n.kind === 'webhook')!
        expect(retried).toMatchObject({ status: 'retrying', attempts: 1, last_error: 'HTTP 503' })

        await postJson(t.app, `/api/oncall-pages/${page.id}/acknowledge`, t.org.auth, { user_id: ana.id }, 200)
        webhookFails = false
        t.clock.advance(30 * 60_000)
        await jobs.run()
        expect(receiver.requests).toHaveLength(1)
        rows = await t.deps.store.forOrg(t.org.id).oncall.pages.listNotifications(page.id)
        expect(rows.find((n) => n.kind === 'webhook')!.status).toBe('cancelled')
        const [message] = (await getJson(t.app, '/api/messages?kind=page&status=skipped', t.org.auth)).messages
        expect(message).toMatchObject({ channel: 'webhook', last_error: 'the page was answered before this was sent' })
      },
    )

    it(
      'opens a page when alert intake asks for one in its own ' + 'transaction, and resolves it with the alert',
      async () => {
        const t = await createTestApp(engine, { now: new Date('2026-03-02T10:00:00Z') })
        const { policy } = await setUp(t)
        const { pageEscalationPolicy } = await import('../../src/app/oncall/page-escalation-policy.js')
        const { resolvePagesForAlert } = await import('../../src/app/oncall/respond-to-page.js')
        const { systemContext } = await import('../../src/app/context.js')
        const ctx = systemContext(t.org.id, t.clock.now, 'alert-intake')
        const alertId = '6f1c1d1e-0000-4000-8000-000000000001'
        const pageId = await t.deps.store.run('test', (tx) =>
          pageEscalationPolicy(t.deps, ctx, { policyId: policy.id, summary: 'CPU high', alertId }, tx),
        )
        expect(pageId).toBeTruthy()
        expect(await pageEscalationPolicy(t.deps, ctx, { policyId: 'not-a-policy', summary: 'x' })).toBeNull()
        expect(await resolvePagesForAlert(t.deps, ctx, alertId)).toBe(1)
        expect((await getJson(t.app, `/api/oncall-pages/${pageId}`, t.org.auth)).status).toBe('resolved')
      },
    )
  })
})

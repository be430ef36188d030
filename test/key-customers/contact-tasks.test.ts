import { describe, expect, it } from 'vitest'
import { runContactTaskAlerts } from '../../src/app/key-customers/run-contact-task-alerts.js'
import { addMembers, type Member } from '../oncall/oncall-fixtures.js'
import { bind, criteria } from '../process/process-api.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { pageWithComponents } from '../subscribers/helpers.js'

const minute = 60_000

async function keyCustomer(t: TestApp, payload: object) {
  const res = await t.app.inject({ method: 'POST', url: '/api/key-customers', headers: t.org.auth, payload })
  expect(res.statusCode).toBe(201)
}

async function tasksOf(t: TestApp, incidentId: string) {
  const res = await t.app.inject({ url: `/api/incidents/${incidentId}/contact-tasks`, headers: t.org.auth })
  expect(res.statusCode).toBe(200)
  return res.json().tasks as {
    id: string
    customer_name: string
    deadline_at: string
    holder: { id: string; name: string } | null
    state: string
    ticket_id: string | null
    done_at: string | null
    is_overdue: boolean
  }[]
}

async function notices(t: TestApp, reason: string) {
  const rows = await t.deps.store.db
    .selectFrom('deliveries')
    .select(['address', 'content', 'status'])
    .where('org_id', '=', t.org.id)
    .where('kind', '=', 'role_notice')
    .orderBy('id')
    .execute()
  return rows.filter((r) => r.content?.reason === reason)
}

async function setUp(engine: Parameters<typeof createTestApp>[0]) {
  const t = await createTestApp(engine)
  const [sam, hal] = (await addMembers(t.deps.store.db, t.org.id, ['Sam', 'Hal'])) as [Member, Member]
  const { pageId, componentIds } = await pageWithComponents(t.app, t.org)
  const [api, dashboard] = componentIds as [string, string]
  await keyCustomer(t, { name: 'Globex', notify_within_minutes: 30, channel: 'phone', component_ids: [api] })
  await keyCustomer(t, { name: 'Initech', notify_within_minutes: 60, is_affected_by_every_incident: true })
  await keyCustomer(t, { name: 'Hooli', notify_within_minutes: 15, component_ids: [dashboard] })
  return { t, sam, hal, pageId, api, dashboard }
}

forEachDatabase((engine) => {
  describe('contact tasks of key customers', () => {
    it('are made on declare, alert the support on-call manager once when overdue, remind on updates', async () => {
      const { t, sam, hal, pageId, api } = await setUp(engine)
      const start = t.clock.now.getTime()
      const at = (minutes: number) => new Date(start + minutes * minute).toISOString()
      const opened = await t.app.inject({
        method: 'POST',
        url: '/api/process/incidents',
        headers: t.org.auth,
        payload: {
          title: 'Checkout is down',
          page_id: pageId,
          roles: [{ role: 'support_on_call_manager', person: { id: sam.id, name: 'Sam' } }],
        },
      })
      const id = opened.json().incident_id as string
      const incident = bind(t, id)
      // In triage it may still be a false alarm: nobody calls customers yet.
      expect(await tasksOf(t, id)).toEqual([])

      t.clock.advance(5 * minute)
      for (const criterion_id of criteria) await incident.call('criteria', { criterion_id, is_met: true })
      expect((await incident.call('declare')).statusCode).toBe(200)
      expect(await tasksOf(t, id)).toMatchObject([
        { customer_name: 'Initech', deadline_at: at(65), holder: { id: sam.id, name: 'Sam' }, state: 'open' },
      ])

      // A later update names the API: Globex, who depends on it, is owed a call from now.
      t.clock.advance(5 * minute)
      const update = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/updates`,
        headers: t.org.auth,
        payload: { status: 'identified', body: 'Payments fail.', components: [{ id: api, status: 'major_outage' }] },
      })
      expect(update.statusCode).toBe(201)
      expect((await tasksOf(t, id)).map((task) => [task.customer_name, task.deadline_at])).toEqual([
        ['Globex', at(40)],
        ['Initech', at(65)],
      ])
      const [firstReminder, ...noMore] = await notices(t, 'contact_task_reminder')
      expect(noMore).toEqual([])
      expect(firstReminder?.address).toBe(sam.email)
      expect(firstReminder?.content?.text).toContain('Initech by email')
      expect(firstReminder?.content?.text).not.toContain('Globex')

      t.clock.advance(29 * minute)
      expect(await runContactTaskAlerts(t.deps, t.clock.now)).toBe(0)
      t.clock.advance(minute)
      expect(await runContactTaskAlerts(t.deps, t.clock.now)).toBe(1)
      expect(await runContactTaskAlerts(t.deps, t.clock.now)).toBe(0)
      const [overdue] = await notices(t, 'contact_task_overdue')
      expect(overdue).toMatchObject({ address: sam.email, content: { role: 'support_on_call_manager' } })
      expect(overdue?.content?.text).toContain('Key customer Globex has not been contacted (phone)')

      const [globex, initech] = await tasksOf(t, id)
      expect(globex).toMatchObject({ customer_name: 'Globex', is_overdue: true })
      const done = await t.app.inject({
        method: 'PATCH',
        url: `/api/contact-tasks/${initech!.id}`,
        headers: t.org.auth,
        payload: { state: 'done', ticket_id: 'ZD-4242' },
      })
      expect(done.json()).toMatchObject({ state: 'done', ticket_id: 'ZD-4242', done_at: at(40) })
      const handed = await t.app.inject({
        method: 'PATCH',
        url: `/api/contact-tasks/${globex!.id}`,
        headers: t.org.auth,
        payload: { holder: { id: hal.id, name: 'Hal' } },
      })
      expect(handed.json().holder).toEqual({ id: hal.id, name: 'Hal' })

      // Past every deadline: the done task never alerts, the alerted one never alerts again.
      t.clock.advance(60 * minute)
      expect(await runContactTaskAlerts(t.deps, t.clock.now)).toBe(0)
      expect(await notices(t, 'contact_task_overdue')).toHaveLength(1)

      await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/updates`,
        headers: t.org.auth,
        payload: { status: 'monitoring', body: 'A fix is out.' },
      })
      const reminders = await notices(t, 'contact_task_reminder')
      expect(reminders).toHaveLength(2)
      expect(reminders[1]?.address).toBe(hal.email)
      const text = String(reminders[1]?.content?.text)
      expect(text).toContain('Globex by phone, due')
      expect(text).toContain('(overdue)')
      expect(text).not.toContain('Initech')
    })

    it('remind their holder when the process composer publishes too', async () => {
      const { t, sam, pageId } = await setUp(engine)
      const opened = await t.app.inject({
        method: 'POST',
        url: '/api/process/incidents',
        headers: t.org.auth,
        payload: {
          title: 'Checkout is down',
          page_id: pageId,
          roles: [{ role: 'support_on_call_manager', person: { id: sam.id, name: 'Sam' } }],
        },
      })
      const incident = bind(t, opened.json().incident_id)
      for (const criterion_id of criteria) await incident.call('criteria', { criterion_id, is_met: true })
      await incident.call('declare')
      t.clock.advance(minute)
      const ack = await incident.call('messages', {
        stage: 'acknowledgement',
        text: 'We are investigating.',
        channels: ['status_page'],
      })
      expect(ack.statusCode).toBeLessThan(300)
      const [reminder, ...more] = await notices(t, 'contact_task_reminder')
      expect(more).toEqual([])
      expect(reminder).toMatchObject({ address: sam.email, content: { reason: 'contact_task_reminder' } })
      expect(String(reminder?.content?.text)).toContain('Initech by email')
    })

    it('are made for the customers of the components an incident is opened with, and only those', async () => {
      const { t, pageId, dashboard } = await setUp(engine)
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: {
          title: 'Dashboard is slow',
          page_id: pageId,
          status: 'investigating',
          body: 'We are looking into it.',
          components: [{ id: dashboard, status: 'degraded_performance' }],
        },
      })
      expect(created.statusCode).toBe(201)
      const tasks = await tasksOf(t, created.json().id)
      const declaredAt = t.clock.now.getTime()
      expect(tasks.map((task) => [task.customer_name, task.deadline_at, task.holder])).toEqual([
        ['Hooli', new Date(declaredAt + 15 * minute).toISOString(), null],
        ['Initech', new Date(declaredAt + 60 * minute).toISOString(), null],
      ])
      // The opening update is the declaration itself: nobody is reminded of tasks made with it.
      expect(await notices(t, 'contact_task_reminder')).toEqual([])

      // Nobody holds the support on-call manager role: the alert is written as failed, not lost.
      t.clock.advance(15 * minute)
      expect(await runContactTaskAlerts(t.deps, t.clock.now)).toBe(1)
      expect(await notices(t, 'contact_task_overdue')).toMatchObject([{ address: '', status: 'failed' }])

      const bad = await t.app.inject({
        method: 'PATCH',
        url: `/api/contact-tasks/${tasks[0]!.id}`,
        headers: t.org.auth,
        payload: { state: 'finished' },
      })
      expect(bad.statusCode).toBe(400)
      expect(bad.headers['content-type']).toContain('application/problem+json')
      const viewer = await t.org.tokenFor('viewer')
      const refused = await t.app.inject({
        method: 'PATCH',
        url: `/api/contact-tasks/${tasks[0]!.id}`,
        headers: viewer,
        payload: { state: 'done' },
      })
      expect(refused.statusCode).toBe(403)
    })
  })
})

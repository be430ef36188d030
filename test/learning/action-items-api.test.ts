import { describe, expect, it } from 'vitest'
import { runLearningReminders } from '../../src/app/postmortems/run-learning-reminders.js'
import { addMembers, type Member } from '../oncall/oncall-fixtures.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

const dayMs = 86_400_000

async function incident(t: TestApp, title: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers: t.org.auth,
    payload: { title, status: 'resolved', body: 'Fixed.', severity: 3 },
  })
  expect(res.statusCode).toBe(201)
  return res.json().id as string
}

async function roleNotices(t: TestApp) {
  return t.deps.store.db
    .selectFrom('deliveries')
    .select(['address', 'content', 'status'])
    .where('org_id', '=', t.org.id)
    .where('kind', '=', 'role_notice')
    .orderBy('id')
    .execute()
}

forEachDatabase((engine) => {
  describe('action items', () => {
    it('have an owner, a due date and a state, and are listed across incidents (open, overdue)', async () => {
      // The test clock reads 2026-11-20: due on the 19th is overdue, due on the 20th is not yet.
      const t = await createTestApp(engine)
      const [ana] = (await addMembers(t.deps.store.db, t.org.id, ['Ana'])) as [Member]
      const checkout = await incident(t, 'Checkout is down')
      const login = await incident(t, 'Login is slow')
      const add = (incidentId: string, payload: object) =>
        t.app.inject({ method: 'POST', url: `/api/incidents/${incidentId}/action-items`, headers: t.org.auth, payload })
      const late = await add(checkout, { title: 'Canary for routing changes', owner_id: ana.id, due_on: '2026-11-19' })
      expect(late.statusCode).toBe(201)
      expect(late.json()).toMatchObject({
        owner: { id: ana.id, name: 'Ana' },
        state: 'open',
        is_overdue: true,
        incident: { id: checkout, title: 'Checkout is down' },
        next_reminder_at: '2026-11-20T00:00:00.000Z',
      })
      await add(login, { title: 'Alert on login latency', due_on: '2026-11-20', tags: ['plan'] })
      await add(login, { title: 'Write the runbook' })
      expect((await add(login, { title: 'x', owner_id: crypto.randomUUID() })).statusCode).toBe(400)
      const badDate = await add(login, { title: 'x', due_on: '2026-02-30' })
      expect(badDate.statusCode).toBe(400)
      expect(badDate.json().errors[0]).toMatchObject({ path: 'due_on' })

      const list = async (query: string) =>
        (await t.app.inject({ url: `/api/action-items${query}`, headers: t.org.auth })).json().items as {
          title: string
        }[]
      expect((await list('?state=open&overdue=true')).map((i) => i.title)).toEqual(['Canary for routing changes'])
      expect((await list('?state=open')).map((i) => i.title)).toEqual([
        'Canary for routing changes',
        'Alert on login latency',
        'Write the runbook',
      ])
      expect((await list(`?incident_id=${login}&tag=plan`)).map((i) => i.title)).toEqual(['Alert on login latency'])
      expect((await list('?overdue=false')).length).toBe(2)
      expect((await t.app.inject({ url: '/api/action-items?overdue=maybe', headers: t.org.auth })).statusCode).toBe(400)

      const done = await t.app.inject({
        method: 'PATCH',
        url: `/api/action-items/${late.json().id}`,
        headers: t.org.auth,
        payload: { state: 'done' },
      })
      expect(done.json()).toMatchObject({ state: 'done', is_overdue: false, next_reminder_at: null })
      expect(done.json().closed_at).toBe(t.clock.now.toISOString())
      expect(await list('?state=open&overdue=true')).toEqual([])
      expect((await list('?state=done')).length).toBe(1)
      const viewer = await t.org.tokenFor('viewer')
      expect((await t.app.inject({ url: '/api/action-items', headers: viewer })).statusCode).toBe(200)
      const refused = await t.app.inject({
        method: 'PATCH',
        url: `/api/action-items/${late.json().id}`,
        headers: viewer,
        payload: { state: 'open' },
      })
      expect(refused.statusCode).toBe(403)
    })

    it('remind their owner through the outbox when overdue, then every week until done', async () => {
      const t = await createTestApp(engine)
      const [ana] = (await addMembers(t.deps.store.db, t.org.id, ['Ana'])) as [Member]
      const incidentId = await incident(t, 'Checkout is down')
      const item = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${incidentId}/action-items`,
        headers: t.org.auth,
        payload: { title: 'Canary for routing changes', owner_id: ana.id, due_on: '2026-11-20' },
      })
      expect(await runLearningReminders(t.deps, t.clock.now)).toBe(0)
      t.clock.advance(dayMs)
      expect(await runLearningReminders(t.deps, t.clock.now)).toBe(1)
      expect(await runLearningReminders(t.deps, t.clock.now)).toBe(0)
      const [notice] = await roleNotices(t)
      expect(notice).toMatchObject({
        address: ana.email,
        content: { reason: 'action_item_overdue', incidentTitle: 'Checkout is down', personId: ana.id },
      })
      expect(String(notice?.content?.text)).toContain(
        '"Canary for routing changes" from "Checkout is down" was due on 2026-11-20',
      )
      const overdueNotices = async () =>
        (await roleNotices(t)).filter((n) => n.content?.reason === 'action_item_overdue').length
      t.clock.advance(7 * dayMs)
      // By now the resolved incident's postmortem reminder is due as well (4 days for significant).
      expect(await runLearningReminders(t.deps, t.clock.now)).toBe(2)
      expect(await overdueNotices()).toBe(2)
      await t.app.inject({
        method: 'PATCH',
        url: `/api/action-items/${item.json().id}`,
        headers: t.org.auth,
        payload: { state: 'done' },
      })
      t.clock.advance(30 * dayMs)
      expect(await runLearningReminders(t.deps, t.clock.now)).toBe(0)
      expect(await overdueNotices()).toBe(2)
    })
  })
})

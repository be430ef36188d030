import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { declared } from './process-api.js'

const answers = {
  started_at: { kind: 'at', at: '2026-11-20T08:55:00Z' },
  expected_duration: { kind: 'unknown' },
  affected: { kind: 'some', regions: ['EU'], features: ['checkout'] },
  workaround: { kind: 'none' },
} as const
const items = Object.keys(answers) as (keyof typeof answers)[]
const domainPath: Record<string, string> = {
  started_at: 'scope.startedAt',
  expected_duration: 'scope.expectedDuration',
  affected: 'scope.affected',
  workaround: 'scope.workaround',
}

forEachDatabase((engine) => {
  describe('the information checklist and public messages', () => {
    it('never holds back the first acknowledgement', async () => {
      const t = await declared(engine)
      const ack = await t.call('messages', {
        stage: 'acknowledgement',
        text: "We're investigating the issue and assessing next steps.",
        channels: ['status_page', 'email'],
      })
      expect(ack.statusCode).toBe(201)
      expect(ack.json()).toMatchObject({
        status: 'investigating',
        acknowledged_at: t.clock.now.toISOString(),
        channels_used: ['status_page', 'email'],
      })
      const incident = (await t.app.inject({ url: `/api/incidents/${t.id}`, headers: t.org.auth })).json()
      expect(incident.updates.map((u: { body: string }) => u.body)).toEqual([
        "We're investigating the issue and assessing next steps.",
      ])
    })

    it(
      'refuses the scope message until every checklist item is answered, ' + 'listing exactly what is missing',
      async () => {
        const t = await declared(engine)
        await t.call('messages', { stage: 'acknowledgement', text: 'Investigating', channels: ['status_page'] })
        for (let answered = 0; answered < items.length; answered++) {
          const refused = await t.call('messages', { stage: 'scope', text: 'Checkout is down for EU customers.' })
          expect(refused.statusCode).toBe(400)
          expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(
            items.slice(answered).map((i) => domainPath[i]),
          )
          const item = items[answered]!
          expect((await t.call('checklist', { item, answer: answers[item] })).statusCode).toBe(200)
        }
        const published = await t.call('messages', { stage: 'scope', text: 'Checkout is down for EU customers.' })
        expect(published.statusCode).toBe(201)
        expect(published.json()).toMatchObject({
          scope_published_at: t.clock.now.toISOString(),
          checklist: { is_complete: true, missing: [] },
        })
      },
    )

    it('accepts an explicit "unknown" for every item', async () => {
      const t = await declared(engine)
      for (const item of items)
        expect((await t.call('checklist', { item, answer: { kind: 'unknown' } })).statusCode).toBe(200)
      expect((await t.process()).checklist.is_complete).toBe(true)
    })

    it('refuses incomplete answers: nobody named, an empty workaround, a zero duration, an unknown item', async () => {
      const t = await declared(engine)
      const bad = [
        { item: 'affected', answer: { kind: 'some', regions: [], plans: [] } },
        { item: 'workaround', answer: { kind: 'described', text: ' ' } },
        { item: 'expected_duration', answer: { kind: 'minutes', minutes: 0 } },
        { item: 'started_at', answer: { kind: 'at', at: 'yesterday' } },
        { item: 'mood', answer: { kind: 'unknown' } },
      ]
      for (const payload of bad)
        expect((await t.call('checklist', payload)).statusCode, JSON.stringify(payload)).toBe(400)
      expect((await t.process()).checklist.missing).toHaveLength(4)
    })

    it('records each answer on the timeline in words', async () => {
      const t = await declared(engine)
      await t.call('checklist', { item: 'affected', answer: answers.affected })
      expect((await t.timeline()).at(-1)).toMatchObject({
        type: 'scope_answer',
        item: 'affected',
        answer: 'regions: EU; features: checkout',
      })
    })

    it('sends every update to all the channels used before', async () => {
      const t = await declared(engine)
      await t.call('messages', { stage: 'acknowledgement', text: 'Investigating', channels: ['status_page', 'social'] })
      const update = await t.call('messages', {
        stage: 'update',
        text: "We're still working on this.",
        channels: ['email'],
        status: 'identified',
      })
      expect(update.json()).toMatchObject({ status: 'identified', channels_used: ['status_page', 'social', 'email'] })
      expect((await t.timeline()).at(-1)).toMatchObject({
        type: 'message_published',
        stage: 'update',
        channels: ['status_page', 'social', 'email'],
      })
    })

    it('refuses a message before the crisis is declared', async () => {
      const t = await declared(engine)
      const triage = await t.app.inject({
        method: 'POST',
        url: '/api/process/incidents',
        headers: t.org.auth,
        payload: { title: 'Maybe' },
      })
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${triage.json().incident_id}/messages`,
        headers: t.org.auth,
        payload: { stage: 'acknowledgement', text: 'x', channels: ['status_page'] },
      })
      expect(response.statusCode).toBe(409)
    })

    it('lets only those who may publish speak to customers', async () => {
      const t = await declared(engine)
      const responder = await t.org.tokenFor('responder')
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${t.id}/messages`,
        headers: responder,
        payload: { stage: 'acknowledgement', text: 'x', channels: ['status_page'] },
      })
      expect(response.statusCode).toBe(403)
    })

    it('announces a new cadence as an update, and restarts the clock', async () => {
      const t = await declared(engine)
      await t.call('messages', { stage: 'acknowledgement', text: 'Investigating', channels: ['status_page'] })
      t.clock.advance(10 * 60_000)
      const changed = await t.call('cadence', { minutes: 120 })
      expect(changed.json().cadence).toMatchObject({
        minutes: 120,
        is_overridden: true,
        last_public_update_at: t.clock.now.toISOString(),
      })
      const incident = (await t.app.inject({ url: `/api/incidents/${t.id}`, headers: t.org.auth })).json()
      expect(incident.updates[0].body).toBe("We'll now post updates every 2 hours.")
    })

    it('moves the cadence with the severity until someone sets it, and tells the stakeholders', async () => {
      const t = await declared(engine)
      const raised = await t.call('severity', { level: 5 })
      expect(raised.json()).toMatchObject({
        severity: { level: 5, name: 'severe' },
        cadence: { minutes: 30, is_overridden: false },
      })
      const notices = await t.outbox('stakeholder_notification')
      expect(notices.at(-1)?.payload).toMatchObject({
        event: 'severity_changed',
        groups: expect.arrayContaining(['pr']),
      })
    })

    it('takes the all-clear and the postmortem to resolved and published', async () => {
      const t = await declared(engine)
      await t.call('messages', { stage: 'acknowledgement', text: 'Investigating', channels: ['status_page'] })
      const allClear = await t.call('messages', {
        stage: 'all_clear',
        text: 'Checkout is back. Thank you for your patience.',
      })
      expect(allClear.json().status).toBe('resolved')
      expect((await t.outbox('stakeholder_notification')).at(-1)?.payload).toMatchObject({ event: 'resolved' })
      expect(
        (await t.call('messages', { stage: 'postmortem', text: 'What happened and what we change' })).json().status,
      ).toBe('postmortem_published')
    })
  })
})

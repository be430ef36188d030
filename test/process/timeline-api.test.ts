import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { declared, processApp } from './process-api.js'

forEachDatabase((engine) => {
  describe('playbook tasks', () => {
    it('ticks tasks on the current path; a branch answer opens new ones', async () => {
      const t = await declared(engine)
      const before = await t.process()
      expect(before.playbook.pending_question).toMatchObject({ id: 'customer_data_exposed' })
      expect((await t.call('playbook/tasks/scope.tickets', { is_done: true }, 'PUT')).statusCode).toBe(200)
      expect((await t.call('playbook/tasks/security_path.legal', { is_done: true }, 'PUT')).statusCode).toBe(404)
      await t.call('playbook/answers', { question_id: 'customer_data_exposed', answer: true })
      const ticked = await t.call('playbook/tasks/security_path.legal', { is_done: true }, 'PUT')
      const tasks = ticked
        .json()
        .playbook.tasks.filter((task: { is_done: boolean }) => task.is_done)
        .map((task: { id: string }) => task.id)
      expect(tasks).toEqual(['scope.tickets', 'security_path.legal'])
    })

    it('keeps the triage decision out of reach of the question route', async () => {
      const t = await declared(engine)
      expect((await t.call('playbook/answers', { question_id: 'criteria_met', answer: false })).statusCode).toBe(400)
    })
  })

  describe('the timeline', () => {
    it('records notes, decisions and alerts with their time and actor, in order', async () => {
      const t = await processApp(engine)
      await t.call('alerts', { alert_id: 'am-123', summary: 'HTTP 5xx above 5%', source: 'alertmanager' })
      t.clock.advance(60_000)
      await t.call('notes', { text: 'Looks like the payment provider' })
      await t.call('decisions', { text: 'Fail over to the backup provider', rationale: 'primary is down' })
      const entries = await t.timeline()
      expect(entries.map((e) => e.type)).toEqual(['incident_opened', 'alert_attached', 'note', 'decision'])
      expect(entries[2]).toMatchObject({
        text: 'Looks like the payment provider',
        at: t.clock.now.toISOString(),
        actor: { kind: 'token' },
      })
    })

    it('exports the story as Markdown', async () => {
      const t = await declared(engine)
      await t.call('messages', { stage: 'acknowledgement', text: "We're investigating.", channels: ['status_page'] })
      await t.call('messages/deliveries', {
        stage: 'acknowledgement',
        channel: 'email',
        audience: 'subscribers',
        recipient_count: 1200,
      })
      const response = await t.app.inject({
        url: `/api/incidents/${t.id}/timeline?format=markdown`,
        headers: t.org.auth,
      })
      expect(response.headers['content-type']).toContain('text/markdown')
      expect(response.body).toContain('# Checkout is down')
      expect(response.body).toContain('Status: triage → declared.')
      expect(response.body).toContain('acknowledgement message sent via email to subscribers (1200 recipients).')
    })

    it('cannot be changed or deleted, but goes with its incident', async () => {
      const t = await processApp(engine)
      const db = t.deps.store.db
      await expect(sql`UPDATE incident_timeline SET type = 'note'`.execute(db)).rejects.toThrow(/append-only/)
      await expect(sql`DELETE FROM incident_timeline`.execute(db)).rejects.toThrow(/append-only/)
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/incidents/${t.id}`, headers: t.org.auth })).statusCode,
      ).toBe(204)
      const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM incident_timeline`.execute(db)
      expect(left.rows[0]?.n).toBe(0)
    })
  })

  describe('drills', () => {
    it('run the same process but send nothing public, marking every message DRILL', async () => {
      const t = await declared(engine, { isDrill: true })
      await t.call('check-ins', { role: 'incident_lead', person: { id: 'u-ana', name: 'Ana' } })
      const ack = await t.call('messages', {
        stage: 'acknowledgement',
        text: 'We are investigating',
        channels: ['status_page', 'email'],
      })
      expect(ack.json()).toMatchObject({
        status: 'investigating',
        is_drill: true,
        channels_used: ['status_page', 'email'],
      })
      expect((await t.app.inject({ url: `/api/incidents/${t.id}`, headers: t.org.auth })).json().updates).toEqual([])
      const [teamMessage] = await t.outbox('team_message')
      // Ana is named on the incident but has no account here: the notice shows who could not be told.
      expect(teamMessage?.payload).toMatchObject({ text: '[DRILL] We are investigating', isDrill: true })
      for (const row of await t.outbox()) expect(String(row.payload.text ?? '')).toMatch(/^\[DRILL\] /)
      const report = await t.call('messages/deliveries', {
        stage: 'update',
        channel: 'email',
        audience: 'subscribers',
        recipient_count: 3,
      })
      expect(report.statusCode).toBe(409)
    })
  })

  describe('updates posted through the incidents API', () => {
    it('move the process too: timeline, stakeholders and the cadence clock', async () => {
      const t = await declared(engine)
      t.clock.advance(60_000)
      const posted = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${t.id}/updates`,
        headers: t.org.auth,
        payload: { status: 'investigating', body: 'We are looking into it.' },
      })
      expect(posted.statusCode).toBe(201)
      t.clock.advance(60_000)
      await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${t.id}/updates`,
        headers: t.org.auth,
        payload: { status: 'resolved', body: 'Fixed.' },
      })
      const entries = await t.timeline()
      expect(entries.filter((e) => e.type === 'status_change').map((e) => e.to)).toEqual([
        'declared',
        'investigating',
        'resolved',
      ])
      expect(entries.filter((e) => e.type === 'message_published').map((e) => e.stage)).toEqual([
        'acknowledgement',
        'all_clear',
      ])
      expect((await t.outbox('stakeholder_notification')).map((r) => r.payload.event)).toEqual(['declared', 'resolved'])
      const p = await t.process()
      expect(p).toMatchObject({ status: 'resolved', cadence: { last_public_update_at: t.clock.now.toISOString() } })
    })

    it('adopt an incident opened straight to the public', async () => {
      const t = await processApp(engine)
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: { title: 'API errors', severity: 4, body: 'Investigating.' },
      })
      const id = created.json().id
      const p = (await t.app.inject({ url: `/api/incidents/${id}/process`, headers: t.org.auth })).json()
      expect(p).toMatchObject({
        status: 'investigating',
        acknowledged_at: expect.any(String),
        playbook: { key: 'default_service_outage' },
      })
      const noted = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/notes`,
        headers: t.org.auth,
        payload: { text: 'Adopted' },
      })
      expect(noted.statusCode).toBe(201)
    })
  })
})

import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { runLearningReminders } from '../../src/app/postmortems/run-learning-reminders.js'
import { addMembers, type Member } from '../oncall/oncall-fixtures.js'
import { bind, criteria } from '../process/process-api.js'
import { forEachDatabase } from '../support/databases.js'
import { startTestPipeline } from '../support/pipeline.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

const dayMs = 86_400_000
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function resolvedIncident(t: TestApp, severity: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers: t.org.auth,
    payload: { title: `Severity ${severity} incident`, status: 'resolved', body: 'Fixed.', severity },
  })
  expect(res.statusCode).toBe(201)
  return res.json().id as string
}

async function remindersFor(t: TestApp, incidentId: string) {
  const rows = await t.deps.store.db
    .selectFrom('deliveries')
    .select(['address', 'content', 'status', 'last_error'])
    .where('org_id', '=', t.org.id)
    .where('incident_id', '=', incidentId)
    .where('kind', '=', 'role_notice')
    .orderBy('id')
    .execute()
  return rows.filter((r) => r.content?.reason === 'postmortem_due')
}

forEachDatabase((engine) => {
  describe('postmortem reminders', () => {
    it('mail the postmortem writers N days after the resolution (N by severity) when none was started', async () => {
      const sink = await startSmtpSink({ keepRaw: true })
      closers.push(() => sink.close())
      const env = { SMTP_URL: `${sink.url}?ignoreTLS=true` }
      const t = await createTestApp(engine, { env })
      const pipeline = await startTestPipeline(t.deps, { smtpUrl: env.SMTP_URL })
      const [ana, ben] = (await addMembers(t.deps.store.db, t.org.id, ['Ana', 'Ben'])) as [Member, Member]
      const opened = await t.app.inject({
        method: 'POST',
        url: '/api/process/incidents',
        headers: t.org.auth,
        payload: {
          title: 'Checkout is down',
          severity: 5,
          roles: [
            { role: 'business_manager', person: { id: ana.id, name: 'Ana' } },
            { role: 'incident_manager', person: { id: ben.id, name: 'Ben' } },
          ],
        },
      })
      const incident = bind(t, opened.json().incident_id)
      for (const criterion_id of criteria) await incident.call('criteria', { criterion_id, is_met: true })
      await incident.call('declare')
      expect((await incident.call('transition', { to: 'resolved' })).statusCode).toBe(200)
      const incidentId = opened.json().incident_id as string

      // Severe: two days.
      t.clock.advance(2 * dayMs - 60_000)
      expect(await runLearningReminders(t.deps, t.clock.now)).toBe(0)
      t.clock.advance(60_000)
      expect(await runLearningReminders(t.deps, t.clock.now)).toBe(1)
      expect(await runLearningReminders(t.deps, t.clock.now)).toBe(0)
      expect((await remindersFor(t, incidentId)).map((r) => r.address).sort()).toEqual([ana.email, ben.email].sort())

      await pipeline.worker.drained()
      const mails = await Promise.all(sink.messages.map((m) => simpleParser(m.raw!)))
      const reminder = mails.find((m) => m.subject?.startsWith('Postmortem not started'))
      expect(reminder?.subject).toBe('Postmortem not started: Checkout is down')
      expect(reminder?.text).toContain('No postmortem has been started for "Checkout is down"')
      expect(reminder?.text).toContain('A severe incident needs one')
      expect(reminder?.text).toContain(`http://status.test/console/incidents/${incidentId}`)
    })

    it('are not sent once a postmortem is started or skipped, and follow a re-opening', async () => {
      const t = await createTestApp(engine)
      const started = await resolvedIncident(t, 3)
      const skipped = await resolvedIncident(t, 2)
      const reopened = await resolvedIncident(t, 3)
      const post = (id: string, path: string, payload: object) =>
        t.app.inject({ method: 'POST', url: `/api/incidents/${id}/${path}`, headers: t.org.auth, payload })
      expect((await post(started, 'postmortem', {})).statusCode).toBe(201)
      expect((await post(skipped, 'postmortem/skip', { reason: 'A blip' })).statusCode).toBe(200)
      t.clock.advance(dayMs)
      await post(reopened, 'transition', { to: 'investigating' })
      t.clock.advance(dayMs)
      await post(reopened, 'transition', { to: 'resolved' })

      // Significant: four days after the (last) resolution; minimal: seven.
      t.clock.advance(4 * dayMs - 60_000)
      await runLearningReminders(t.deps, t.clock.now)
      expect(await remindersFor(t, reopened)).toEqual([])
      t.clock.advance(60_000)
      await runLearningReminders(t.deps, t.clock.now)
      t.clock.advance(10 * dayMs)
      await runLearningReminders(t.deps, t.clock.now)
      expect(await remindersFor(t, started)).toEqual([])
      expect(await remindersFor(t, skipped)).toEqual([])
      // Nobody holds a role on it: the reminder is written as failed, so the gap shows.
      expect(await remindersFor(t, reopened)).toEqual([
        expect.objectContaining({ status: 'failed', last_error: 'nobody holds a role that writes the postmortem' }),
      ])
    })
  })
})

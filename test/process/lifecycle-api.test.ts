import { describe, expect, it } from 'vitest'
import { canTransition, incidentStatuses, type IncidentStatus } from '../../src/domain/incident/incident-status.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { bind, criteria, declared, processApp } from './process-api.js'

/** API calls that bring a fresh incident into each status. */
const routeTo: Record<IncidentStatus, [string, object][]> = {
  triage: [],
  declared: [['declare', { override_reason: 'drill of the test' }]],
  stood_down: [['stand-down', { reason: 'false alarm' }]],
  investigating: [
    ['declare', { override_reason: 'x' }],
    ['transition', { to: 'investigating' }],
  ],
  identified: [
    ['declare', { override_reason: 'x' }],
    ['transition', { to: 'identified' }],
  ],
  monitoring: [
    ['declare', { override_reason: 'x' }],
    ['transition', { to: 'monitoring' }],
  ],
  resolved: [
    ['declare', { override_reason: 'x' }],
    ['transition', { to: 'resolved' }],
  ],
  postmortem_published: [
    ['declare', { override_reason: 'x' }],
    ['transition', { to: 'resolved' }],
    ['transition', { to: 'postmortem_published' }],
  ],
  closed: [
    ['declare', { override_reason: 'x' }],
    ['transition', { to: 'resolved' }],
    ['transition', { to: 'closed' }],
  ],
}

async function incidentIn(t: TestApp, status: IncidentStatus) {
  const opened = await t.app.inject({
    method: 'POST',
    url: '/api/process/incidents',
    headers: t.org.auth,
    payload: { title: `In ${status}`, severity: 2 },
  })
  const api = bind(t, opened.json().incident_id)
  for (const [path, body] of routeTo[status])
    expect((await api.call(path, body)).statusCode, `${path} towards ${status}`).toBe(200)
  expect((await api.process()).status).toBe(status)
  return api
}

/** Declaring and standing down are decisions with their own checks, so they have their own routes. */
function requestFor(to: IncidentStatus): [string, object] {
  if (to === 'declared') return ['declare', { override_reason: 'x' }]
  if (to === 'stood_down') return ['stand-down', { reason: 'x' }]
  return ['transition', { to }]
}

forEachDatabase((engine) => {
  describe('the incident lifecycle through the API', () => {
    it('allows exactly the legal transitions from every status, and changes nothing otherwise', async () => {
      const t = await createTestApp(engine)
      for (const from of incidentStatuses) {
        for (const to of incidentStatuses) {
          if (from === to) continue
          const api = await incidentIn(t, from)
          const [path, body] = requestFor(to)
          const response = await api.call(path, body)
          const legal = canTransition(from, to)
          expect([from, to, response.statusCode]).toEqual([from, to, legal ? 200 : 409])
          const after = await api.process()
          expect(after.status).toBe(legal ? to : from)
          if (!legal) expect(response.json()).toMatchObject({ code: 'INVALID_TRANSITION' })
        }
      }
    }, 240_000)

    it('stamps the time and actor of each transition on the timeline', async () => {
      const t = await declared(engine)
      t.clock.advance(60_000)
      await t.call('transition', { to: 'identified' })
      const entries = await t.timeline()
      const change = entries.filter((e) => e.type === 'status_change').at(-1)
      expect(change).toMatchObject({
        from: 'declared',
        to: 'identified',
        at: t.clock.now.toISOString(),
        actor: { kind: 'token' },
      })
      expect((await t.process()).identified_at).toBe(t.clock.now.toISOString())
    })

    it('re-opens a resolved incident and records it', async () => {
      const t = await declared(engine)
      await t.call('transition', { to: 'resolved' })
      const reopened = await t.call('transition', { to: 'investigating', reason: 'errors are back' })
      expect(reopened.json()).toMatchObject({ status: 'investigating', resolved_at: null, reopen_count: 1 })
      expect((await t.timeline()).at(-1)).toMatchObject({
        type: 'status_change',
        isReopening: true,
        reason: 'errors are back',
      })
    })

    it('refuses to declare before the criteria are confirmed, naming each missing one', async () => {
      const t = await processApp(engine)
      await t.call('criteria', { criterion_id: 'many_customers', is_met: true })
      await t.call('criteria', { criterion_id: 'beyond_minutes', is_met: false })
      const response = await t.call('declare')
      expect(response.statusCode).toBe(400)
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'criteria.beyond_minutes',
        'criteria.public_communication',
      ])
      expect((await t.process()).status).toBe('triage')
    })

    it('declares once every criterion is met, and tells the stakeholders', async () => {
      const t = await declared(engine)
      const p = await t.process()
      expect(p).toMatchObject({
        status: 'declared',
        criteria: { is_satisfied: true },
        triage: { decided_in_time: true },
      })
      const [notice] = await t.outbox('stakeholder_notification')
      expect(notice?.payload).toMatchObject({
        event: 'declared',
        groups: expect.arrayContaining(['support', 'engineering', 'management']),
      })
    })

    it('declares with an override reason on record', async () => {
      const t = await processApp(engine)
      expect((await t.call('declare', { override_reason: 'Customers are already tweeting' })).statusCode).toBe(200)
      expect((await t.timeline()).map((e) => e.type)).toContain('criteria_overridden')
    })

    it('stands down a false alarm: stakeholders are told, nothing is published', async () => {
      const t = await processApp(engine)
      expect((await t.call('stand-down', { reason: 'Monitoring glitch' })).statusCode).toBe(200)
      expect((await t.outbox('stakeholder_notification'))[0]?.payload).toMatchObject({ event: 'stood_down' })
      const publish = await t.call('messages', {
        stage: 'acknowledgement',
        text: 'We are investigating',
        channels: ['status_page'],
      })
      expect(publish.statusCode).toBe(409)
      expect((await t.app.inject({ url: `/api/incidents/${t.id}`, headers: t.org.auth })).json().updates).toEqual([])
    })

    it('validates the requests themselves', async () => {
      const t = await processApp(engine)
      expect((await t.call('criteria', { criterion_id: 'nope', is_met: true })).statusCode).toBe(400)
      expect((await t.call('stand-down', { reason: '' })).statusCode).toBe(400)
      expect((await t.call('transition', { to: 'declared' })).statusCode).toBe(400)
      expect((await t.call('transition', { to: 'sideways' })).statusCode).toBe(400)
      expect((await t.call('severity', { level: 9 })).statusCode).toBe(400)
      for (const criterion_id of criteria)
        expect((await t.call('criteria', { criterion_id, is_met: true })).statusCode).toBe(200)
    })

    it('keeps each organisation to its own incidents', async () => {
      const t = await processApp(engine)
      const other = await t.createOrg()
      const foreign = bind(t, t.id, other.auth)
      expect((await foreign.call('declare', { override_reason: 'x' })).statusCode).toBe(404)
      expect((await t.app.inject({ url: `/api/incidents/${t.id}/timeline`, headers: other.auth })).statusCode).toBe(404)
    })

    it('lets a viewer read but not change the process', async () => {
      const t = await processApp(engine)
      const viewer = bind(t, t.id, await t.org.tokenFor('viewer'))
      expect((await viewer.call('declare', { override_reason: 'x' })).statusCode).toBe(403)
      expect((await viewer.process()).status).toBe('triage')
    })
  })
})

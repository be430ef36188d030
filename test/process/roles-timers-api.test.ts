import { describe, expect, it } from 'vitest'
import { runProcessTimers } from '../../src/app/process/run-process-timers.js'
import { forEachDatabase } from '../support/databases.js'
import { declared, processApp } from './process-api.js'

const ana = { id: 'u-ana', name: 'Ana' }
const bo = { id: 'u-bo', name: 'Bo' }
const minutes = (n: number) => n * 60_000

forEachDatabase((engine) => {
  describe('roles, check-ins and handovers', () => {
    it('lets a responder take a vacant role by checking in, and refuses one someone holds', async () => {
      const t = await processApp(engine)
      const first = await t.call('check-ins', { role: 'incident_lead', person: ana })
      expect(first.json().roles).toEqual([
        expect.objectContaining({ role: 'incident_lead', primary: ana, has_checked_in: true }),
      ])
      const second = await t.call('check-ins', { role: 'incident_lead', person: bo })
      expect(second.statusCode).toBe(409)
      expect(second.json().errors[0].message).toBe('held by Ana')
      expect((await t.call('check-ins', { role: 'responder', person: bo })).statusCode).toBe(200)
      expect(
        (await t.process()).check_ins.map((c: { person: { name: string }; role: string }) => [c.person.name, c.role]),
      ).toEqual([
        ['Ana', 'incident_lead'],
        ['Bo', 'responder'],
      ])
    })

    it('records a handover, a backup and a release on the timeline', async () => {
      const t = await processApp(engine)
      await t.call('roles/communications_lead', { person: ana, backup: bo }, 'PUT')
      await t.call('roles/communications_lead', { person: bo }, 'PUT')
      const released = await t.call('roles/communications_lead', { person: null }, 'PUT')
      expect(released.json().roles[0]).toMatchObject({ primary: null })
      const changes = (await t.timeline()).filter((e) => e.type === 'role_change').map((e) => e.reason)
      expect(changes).toEqual(['assigned', 'handover', 'released'])
      expect((await t.outbox('person_notification')).map((r) => r.payload.reason)).toEqual([
        'role_assigned',
        'role_assigned',
      ])
    })

    it('refuses a person as their own backup, and an unknown role', async () => {
      const t = await processApp(engine)
      expect((await t.call('roles/incident_lead', { person: ana, backup: ana }, 'PUT')).statusCode).toBe(400)
      expect((await t.call('roles/chief_of_vibes', { person: ana }, 'PUT')).statusCode).toBe(400)
    })

    it('adds shadows who hold no role', async () => {
      const t = await processApp(engine)
      const response = await t.call('shadows', { person: bo, shadowing: 'support_on_call_manager' })
      expect(response.json()).toMatchObject({
        shadows: [{ person: bo, shadowing: 'support_on_call_manager' }],
        roles: [],
      })
    })
  })

  describe('timers: backup takeover and the triage time-box', () => {
    it('hands a role to the backup when the primary has not checked in within the window', async () => {
      const t = await processApp(engine, { roles: [{ role: 'support_on_call_manager', person: ana, backup: bo }] })
      t.clock.advance(minutes(9))
      await runProcessTimers(t.deps, t.clock.now)
      expect((await t.process()).roles[0].primary).toEqual(ana)
      t.clock.advance(minutes(1))
      await runProcessTimers(t.deps, t.clock.now)
      const p = await t.process()
      expect(p.roles[0]).toMatchObject({ role: 'support_on_call_manager', primary: bo, backup: null })
      expect(
        (await t.timeline()).find((e) => e.type === 'role_change' && e.reason === 'backup_takeover'),
      ).toMatchObject({ from: ana, to: bo, actor: { kind: 'system' } })
      const takeover = (await t.outbox('person_notification')).find((r) => r.payload.reason === 'backup_takeover')
      expect(takeover?.payload).toMatchObject({ person: bo, role: 'support_on_call_manager' })
    })

    it('keeps the primary who checked in in time', async () => {
      const t = await processApp(engine, { roles: [{ role: 'support_on_call_manager', person: ana, backup: bo }] })
      t.clock.advance(minutes(5))
      await t.call('check-ins', { role: 'support_on_call_manager', person: ana })
      t.clock.advance(minutes(30))
      await runProcessTimers(t.deps, t.clock.now)
      expect((await t.process()).roles[0].primary).toEqual(ana)
    })

    it('follows an organisation window for the takeover', async () => {
      const t = await processApp(engine)
      await t.app.inject({
        method: 'PATCH',
        url: '/api/process/settings',
        headers: t.org.auth,
        payload: { takeover_minutes: 2 },
      })
      await t.call('roles/incident_lead', { person: ana, backup: bo }, 'PUT')
      t.clock.advance(minutes(2))
      await runProcessTimers(t.deps, t.clock.now)
      expect((await t.process()).roles[0].primary).toEqual(bo)
    })

    it('reminds an undecided triage at 10 minutes and escalates to the incident lead at 15, once each', async () => {
      const t = await processApp(engine, { roles: [{ role: 'incident_lead', person: ana }] })
      await t.call('check-ins', { role: 'incident_lead', person: ana })
      t.clock.advance(minutes(10))
      expect(await runProcessTimers(t.deps, t.clock.now)).toBe(1)
      expect(await runProcessTimers(t.deps, t.clock.now)).toBe(0)
      t.clock.advance(minutes(5))
      await runProcessTimers(t.deps, t.clock.now)
      await runProcessTimers(t.deps, t.clock.now)
      const reasons = (await t.outbox('person_notification')).map((r) => r.payload.reason)
      expect(reasons.filter((r) => r !== 'role_assigned')).toEqual(['triage_reminder', 'triage_escalation'])
      expect((await t.timeline()).filter((e) => e.type.startsWith('triage_')).map((e) => e.type)).toEqual([
        'triage_reminder',
        'triage_escalated',
      ])
      t.clock.advance(minutes(1))
      const declaredLate = await t.call('declare', { override_reason: 'took too long' })
      expect(declaredLate.json().triage.decided_in_time).toBe(false)
    })

    it('reminds before a promised update is due and escalates when it is overdue', async () => {
      const t = await declared(engine, { severity: 5 })
      await t.call('messages', { stage: 'acknowledgement', text: 'Investigating', channels: ['status_page'] })
      t.clock.advance(minutes(25))
      await runProcessTimers(t.deps, t.clock.now)
      t.clock.advance(minutes(15))
      await runProcessTimers(t.deps, t.clock.now)
      const reasons = (await t.outbox('person_notification')).map((r) => r.payload.reason)
      expect(reasons).toEqual(['cadence_reminder', 'cadence_overdue'])
      expect((await t.timeline()).at(-1)).toMatchObject({ type: 'update_overdue' })
    })
  })
})

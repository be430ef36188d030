import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { addMembers, postJson } from '../oncall/oncall-fixtures.js'

forEachDatabase((engine) => {
  describe('incident roles filled from on-call schedules', () => {
    it('gives the role to whoever is on call now, with the backup from a second schedule', async () => {
      const { app, deps, org } = await createTestApp(engine, { now: new Date('2026-03-25T12:00:00Z') })
      const [ana, ben] = await addMembers(deps.store.db, org.id, ['Ana', 'Ben'])
      const layer = (id: string) => ({
        participant_ids: [id],
        shift_length: 1,
        shift_unit: 'weeks',
        start_at: '2026-03-23T09:00:00Z',
        time_zone: 'UTC',
      })
      const primary = await postJson(app, '/api/schedules', org.auth, {
        name: 'Support primary',
        time_zone: 'UTC',
        layers: [layer(ana!.id)],
      })
      const backup = await postJson(app, '/api/schedules', org.auth, {
        name: 'Support backup',
        time_zone: 'UTC',
        layers: [layer(ben!.id)],
      })
      const incident = await postJson(app, '/api/process/incidents', org.auth, {
        title: 'Checkout is down',
        severity: 4,
      })
      const assigned = await app.inject({
        method: 'PUT',
        url: `/api/incidents/${incident.incident_id}/roles/support_on_call_manager`,
        headers: org.auth,
        payload: { from_schedule: primary.id, backup_from_schedule: backup.id },
      })
      expect(assigned.statusCode).toBe(200)
      const role = assigned.json().roles.find((r: { role: string }) => r.role === 'support_on_call_manager')
      expect(role).toMatchObject({ primary: { id: ana!.id }, backup: { id: ben!.id } })

      const empty = await postJson(app, '/api/schedules', org.auth, { name: 'Nobody', time_zone: 'UTC' })
      const refused = await app.inject({
        method: 'PUT',
        url: `/api/incidents/${incident.incident_id}/roles/incident_lead`,
        headers: org.auth,
        payload: { from_schedule: empty.id },
      })
      expect(refused.statusCode).toBe(400)
      expect(refused.json().errors).toEqual([
        { path: 'from_schedule', message: 'nobody is on call on that schedule now (or no such schedule)' },
      ])
    })
  })
})

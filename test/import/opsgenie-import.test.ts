import { describe, expect, it } from 'vitest'
import { applyImportPlan } from '../../src/app/import/apply-import-plan.js'
import { loadImport } from '../../src/import/load-plan.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { countRows, fixture, importContext } from './import-helpers.js'
import { startSourceServer } from './source-server.js'

const exportFile = fixture('opsgenie-export.json') as {
  users: { id: string; contacts: unknown[] }[]
  schedules: { id: string; overrides: unknown[] }[]
  escalations: unknown[]
  integrations: unknown[]
}

forEachDatabase((engine) => {
  describe('Opsgenie import', () => {
    it('splits a schedule per rotation, maps escalations by delay and reports what cannot be mapped', async () => {
      const { deps, org } = await createTestApp(engine)
      const { plan } = await loadImport('opsgenie', { file: exportFile })
      const report = await applyImportPlan(deps, importContext(org.id), plan)
      expect(report.created).toMatchObject({
        people: 3,
        contact_methods: 2,
        schedules: 2,
        overrides: 1,
        escalation_policies: 1,
        integrations: 3,
      })
      expect(report.skipped.map((s) => s.item)).toEqual([
        "John Doe's sms contact",
        "John Doe's voice contact",
        'escalation "ops_escalation", rule after 5 min',
        'escalation "ops_escalation", rule after 60 min',
        'integration "Old Nagios"',
      ])
      expect(report.approximations.map((a) => a.reason)).toEqual(
        expect.arrayContaining([
          'split into 2 schedules, one per rotation (Opsgenie pages every rotation)',
          'a "none" participant has no Candor equivalent; left out',
          'a Datadog integration becomes a generic webhook',
        ]),
      )
      const tx = deps.store.forOrg(org.id)
      const schedules = await tx.oncall.schedules.list()
      expect(schedules.map((s) => [s.name, s.time_zone])).toEqual([
        ['ops_schedule · Business hours', 'Europe/Istanbul'],
        ['ops_schedule · Nights', 'Europe/Istanbul'],
      ])
      const layers = await tx.oncall.schedules.listLayers(schedules.map((s) => s.id))
      const layerOf = (id: string) => layers.find((l) => l.schedule_id === id)!
      expect(
        schedules.map((s) => layerOf(s.id)).map((l) => [l.shift_unit, l.shift_length, l.restrictions.length]),
      ).toEqual([
        ['weeks', 1, 5],
        ['days', 1, 1],
      ])
      const overrides = await tx.oncall.schedules.listOverrides(schedules.map((s) => s.id))
      expect(overrides.map((o) => o.schedule_id)).toEqual([schedules[0]!.id])
      const [policy] = await tx.oncall.policies.list()
      expect(policy).toMatchObject({ name: 'ops_escalation', repeat_count: 2 })
      const levels = await tx.oncall.policies.listLevels([policy!.id])
      expect(levels.map((l) => l.ack_timeout_minutes)).toEqual([10, 20])
      const targets = await tx.oncall.policies.listTargets([policy!.id])
      expect(targets.filter((t) => t.level_position === 0).map((t) => t.schedule_id)).toEqual(
        schedules.map((s) => s.id),
      )
      expect((await tx.integrations.list()).map((i) => [i.name, i.kind]).sort()).toEqual([
        ['Datadog', 'webhook'],
        ['Default API', 'webhook'],
        ['Prometheus', 'alertmanager'],
      ])
      await applyImportPlan(deps, importContext(org.id), plan)
      expect(await countRows(deps, 'oncall_schedules', org.id)).toBe(2)
      expect(await countRows(deps, 'oncall_overrides', org.id)).toBe(1)
    })

    it('reads users, contacts, schedules, overrides, escalations and integrations with a GenieKey', async () => {
      const { deps, org } = await createTestApp(engine)
      const server = await startSourceServer((req, url) => {
        if (req.headers.authorization !== 'GenieKey og-key') return { status: 401, body: { message: 'invalid key' } }
        const path = url.pathname
        const user = exportFile.users.find((u) => path === `/v2/users/${u.id}/contacts`)
        if (user) return { body: { data: user.contacts } }
        const schedule = exportFile.schedules.find((s) => path === `/v2/schedules/${s.id}/overrides`)
        if (schedule) return { body: { data: schedule.overrides } }
        if (path === '/v2/users')
          return { body: { data: exportFile.users.map((u) => ({ ...u, contacts: undefined })) } }
        if (path === '/v2/schedules')
          return { body: { data: exportFile.schedules.map((s) => ({ ...s, overrides: [] })) } }
        if (path === '/v2/escalations') return { body: { data: exportFile.escalations } }
        if (path === '/v2/integrations') return { body: { data: exportFile.integrations } }
        return { status: 404, body: {} }
      })
      const { plan } = await loadImport('opsgenie', { api: { key: 'og-key', url: server.url } })
      const report = await applyImportPlan(deps, importContext(org.id), plan)
      expect(report.created).toMatchObject({ people: 3, contact_methods: 2, schedules: 2, overrides: 1 })
      await expect(loadImport('opsgenie', { api: { key: 'bad', url: server.url } })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('Opsgenie API key was refused'),
      })
    })
  })
})

import { describe, expect, it } from 'vitest'
import { applyImportPlan } from '../../src/app/import/apply-import-plan.js'
import { loadSchedules } from '../../src/app/oncall/schedule-mapping.js'
import { whoIsOnCall } from '../../src/domain/oncall/who-is-on-call.js'
import { loadImport } from '../../src/import/load-plan.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { countRows, fixture, importContext } from './import-helpers.js'
import { pagerdutyOnCallAt, type PdSchedule } from './reference/pagerduty-oncall.js'
import { startSourceServer } from './source-server.js'

const exportFile = fixture('pagerduty-export.json') as {
  users: { id: string; email: string }[]
  schedules: (PdSchedule & { id: string; name: string })[]
  escalation_policies: unknown[]
  services: unknown[]
}
const HOUR_MS = 3_600_000

forEachDatabase((engine) => {
  describe('PagerDuty import', () => {
    it('brings people, email contacts, schedules, policies, services; reports what cannot be mapped', async () => {
      const { deps, org } = await createTestApp(engine)
      const { plan } = await loadImport('pagerduty', { file: exportFile })
      const report = await applyImportPlan(deps, importContext(org.id), plan)
      expect(report.created).toMatchObject({
        people: 4,
        contact_methods: 5,
        schedules: 2,
        overrides: 1,
        escalation_policies: 1,
        integrations: 3,
      })
      expect(report.skipped.map((s) => s.item)).toEqual([
        "Earline Greenholt's phone contact method",
        "Earline Greenholt's push notification contact method",
        "Kaden Rowe's sms contact method",
      ])
      expect(report.approximations.map((a) => a.item)).toContain('service "Checkout API", integration "Datadog"')
      expect(report.integration_keys.map((k) => [k.name, k.kind])).toEqual([
        ['Checkout API', 'pagerduty'],
        ['Checkout API (email)', 'email'],
        ['Marketing site', 'pagerduty'],
      ])

      const tx = deps.store.forOrg(org.id)
      const members = await tx.accounts.members.list()
      expect(members.map((m) => [m.email, m.role]).sort()).toEqual([
        ['earline@acme.example', 'responder'],
        ['kaden@acme.example', 'responder'],
        ['mina@acme.example', 'responder'],
        ['tomas@acme.example', 'responder'],
      ])
      const kaden = members.find((m) => m.name === 'Kaden Rowe')!
      const methods = await tx.oncall.people.listContactMethods([kaden.id])
      expect(methods.map((m) => [m.kind, m.address, m.delay_minutes])).toEqual([
        ['email', 'kaden@acme.example', 0],
        ['email', 'kaden.pager@acme.example', 3],
      ])
      expect(await countRows(deps, 'deliveries', org.id)).toBe(0)

      const policies = await tx.oncall.policies.list()
      expect(policies).toMatchObject([{ name: 'Checkout escalation', repeat_count: 2 }])
      const levels = await tx.oncall.policies.listLevels([policies[0]!.id])
      expect(levels.map((l) => l.ack_timeout_minutes)).toEqual([15, 30])
      expect(await tx.oncall.policies.listTargets([policies[0]!.id])).toHaveLength(3)
      const rules = await tx.routingRules.list()
      expect(rules.map((r) => r.name).sort()).toEqual(['Checkout API (email) (imported)', 'Checkout API (imported)'])
      for (const rule of rules) expect(rule.actions).toEqual([{ type: 'page', escalationPolicyId: policies[0]!.id }])
    })

    it('who is on call matches PagerDuty for every hour of a year, read back from the database', async () => {
      const { deps, org } = await createTestApp(engine)
      const { plan } = await loadImport('pagerduty', { file: exportFile })
      await applyImportPlan(deps, importContext(org.id), plan)
      const tx = deps.store.forOrg(org.id)
      const emails = new Map((await tx.accounts.members.list()).map((m) => [m.id, m.email]))
      const pdEmail = new Map(exportFile.users.map((u) => [u.id, u.email]))
      const loaded = [...(await loadSchedules(tx.oncall, undefined, new Date(0))).values()]
      for (const source of exportFile.schedules) {
        const imported = loaded.find((l) => l.row.name === source.name)!.schedule
        const from = Date.parse('2026-11-20T00:00:00Z')
        for (let h = 0; h < 365 * 24; h++) {
          const at = from + h * HOUR_MS
          const expected = pagerdutyOnCallAt(source, at)
          const actual = whoIsOnCall(imported, new Date(at))?.userId
          expect([new Date(at), actual ? emails.get(actual) : null]).toEqual([
            new Date(at),
            expected ? pdEmail.get(expected) : null,
          ])
        }
      }
    })

    it('a second run updates in place; a dry run writes nothing and lists what cannot be mapped', async () => {
      const { deps, org } = await createTestApp(engine)
      const { plan } = await loadImport('pagerduty', { file: exportFile })
      const dry = await applyImportPlan(deps, importContext(org.id), plan, { dryRun: true })
      expect(dry.created).toMatchObject({ people: 4, schedules: 2, escalation_policies: 1 })
      expect(dry.skipped).toHaveLength(3)
      expect(await countRows(deps, 'oncall_schedules', org.id)).toBe(0)
      await applyImportPlan(deps, importContext(org.id), plan)
      const again = await applyImportPlan(deps, importContext(org.id), plan)
      expect(again.created).toEqual({})
      expect(again.updated).toMatchObject({ people: 4, schedules: 2, overrides: 1, integrations: 3 })
      expect(again.integration_keys).toEqual([])
      for (const [table, n] of [
        ['memberships', 4],
        ['oncall_contact_methods', 5],
        ['oncall_schedules', 2],
        ['oncall_overrides', 1],
        ['escalation_policies', 1],
        ['integrations', 3],
        ['routing_rules', 2],
      ] as const)
        expect(await countRows(deps, table, org.id)).toBe(n)
    })

    it('reads everything through the REST API with a token, following offset pagination', async () => {
      const { deps, org } = await createTestApp(engine)
      const server = await startSourceServer((req, url) => {
        if (req.headers.authorization !== 'Token token=pd-rest-key') return { status: 401, body: { error: {} } }
        const offset = Number(url.searchParams.get('offset') ?? 0)
        const pageOf = (field: string, items: unknown[]) => ({
          body: { [field]: items.slice(offset, offset + 2), limit: 2, offset, more: offset + 2 < items.length },
        })
        const schedule = exportFile.schedules.find((s) => url.pathname.startsWith(`/schedules/${s.id}`))
        if (schedule && url.pathname.endsWith('/overrides')) return { body: { overrides: schedule.overrides } }
        if (schedule) return { body: { schedule: { ...schedule, overrides: undefined } } }
        if (url.pathname === '/users') return pageOf('users', exportFile.users)
        if (url.pathname === '/schedules')
          return pageOf(
            'schedules',
            exportFile.schedules.map((s) => ({ id: s.id })),
          )
        if (url.pathname === '/escalation_policies')
          return pageOf('escalation_policies', exportFile.escalation_policies)
        if (url.pathname === '/services') return pageOf('services', exportFile.services)
        return { status: 404, body: {} }
      })
      const { plan } = await loadImport('pagerduty', { api: { key: 'pd-rest-key', url: server.url } })
      const report = await applyImportPlan(deps, importContext(org.id), plan)
      expect(report.created).toMatchObject({ people: 4, schedules: 2, overrides: 1, escalation_policies: 1 })
      expect(server.requests.filter((r) => r.path.startsWith('/users'))).toHaveLength(2)
      await expect(loadImport('pagerduty', { api: { key: 'nope', url: server.url } })).rejects.toMatchObject({
        code: 'VALIDATION',
      })
    })
  })
})

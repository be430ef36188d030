import { describe, expect, it } from 'vitest'
import { applyImportPlan } from '../../src/app/import/apply-import-plan.js'
import { loadImport } from '../../src/import/load-plan.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { countRows, fixture, importContext } from './import-helpers.js'
import { pageOf, startSourceServer } from './source-server.js'

const exportFile = fixture('statuspage-export.json') as {
  page: unknown
  components: unknown[]
  incidents: unknown[]
  subscribers: { state: string }[]
}

forEachDatabase((engine) => {
  describe('Statuspage import', () => {
    it('brings components, groups, incidents with every update and time, maintenances and subscribers', async () => {
      const { deps, org } = await createTestApp(engine)
      const { plan } = await loadImport('statuspage', { file: exportFile })
      const report = await applyImportPlan(deps, importContext(org.id), plan)
      expect(report.created).toMatchObject({
        pages: 1,
        groups: 2,
        components: 4,
        incidents: 3,
        incident_updates: 9,
        maintenances: 2,
        subscribers: 4,
      })
      expect(report.skipped.map((s) => s.reason).sort()).toEqual([
        'quarantined in Statuspage (its mail bounced)',
        'sms subscriptions have no Candor channel (email and webhook do)',
      ])

      const tx = deps.store.forOrg(org.id)
      const [page] = await tx.pages.list()
      expect(page).toMatchObject({ name: 'Acme Cloud', slug: 'acmecloud', time_zone: 'Europe/Berlin' })
      const groups = await tx.groups.list(page!.id)
      const components = await tx.components.list(page!.id)
      expect(groups.map((g) => g.name)).toEqual(['API', 'Web'])
      const rest = components.find((c) => c.name === 'REST API')!
      expect(rest).toMatchObject({ status: 'degraded_performance', group_id: groups[0]!.id })
      expect(components.find((c) => c.name === 'Email delivery')).toMatchObject({
        group_id: null,
        only_show_if_degraded: true,
      })

      const incidents = await tx.incidents.list({ pageId: page!.id })
      const outage = incidents.find((i) => i.title === 'Elevated API error rates')!
      expect(outage).toMatchObject({
        status: 'resolved',
        impact: 'major',
        started_at: new Date('2026-09-14T12:55:00Z'),
        monitoring_at: new Date('2026-09-14T14:31:40Z'),
        identified_at: new Date('2026-09-14T13:48:05Z'),
        resolved_at: new Date('2026-09-14T15:40:02Z'),
      })
      const updates = await tx.incidents.listUpdates([outage.id])
      expect(updates.map((u) => [u.status, u.display_at.toISOString()])).toEqual([
        ['resolved', '2026-09-14T15:40:02.000Z'],
        ['monitoring', '2026-09-14T14:31:40.000Z'],
        ['identified', '2026-09-14T13:48:05.000Z'],
        ['investigating', '2026-09-14T13:02:11.000Z'],
      ])
      expect(updates.every((u) => u.deliver_notifications === false)).toBe(true)
      expect(updates[3]!.affected_components).toEqual([
        { code: rest.id, name: 'REST API', old_status: 'operational', new_status: 'partial_outage' },
      ])
      expect((await tx.incidents.listAffectedComponentIds([outage.id])).length).toBe(2)
      expect(incidents.find((i) => i.title === 'Delayed notification emails')?.status).toBe('postmortem_published')
      expect(incidents.find((i) => i.title === 'Slow REST API responses')).toMatchObject({
        status: 'monitoring',
        resolved_at: null,
      })

      const maintenances = await tx.maintenances.list({ pageId: page!.id })
      expect(maintenances.map((m) => [m.title, m.status])).toEqual([
        ['Network switch replacement', 'scheduled'],
        ['Database upgrade', 'completed'],
      ])
      expect(maintenances[1]).toMatchObject({
        scheduled_for: new Date('2026-08-30T01:00:00Z'),
        started_at: new Date('2026-08-30T01:00:00Z'),
        completed_at: new Date('2026-08-30T03:05:00Z'),
      })
      expect((await tx.maintenances.listUpdates([maintenances[1]!.id])).length).toBe(3)

      const subscribers = await tx.subscribers.list({ pageId: page!.id }, { limit: 10 })
      const byAddress = new Map(subscribers.map((s) => [s.address_key, s]))
      expect(byAddress.get('ops.lead@customer.example')).toMatchObject({ state: 'active', source: 'import' })
      expect(byAddress.get('ops.lead@customer.example')!.component_ids.sort()).toEqual(
        components
          .filter((c) => c.name.endsWith('API'))
          .map((c) => c.id)
          .sort(),
      )
      expect(byAddress.get('newbie@startup.example')).toMatchObject({ state: 'pending', confirmation_expires_at: null })
      expect(byAddress.get('https://hooks.partner.example/statuspage')).toMatchObject({
        channel: 'webhook',
        state: 'active',
      })
      expect(await countRows(deps, 'deliveries', org.id)).toBe(0)
      const [audit] = await tx.accounts.audit.query({ action: 'import.completed', limit: 5 })
      expect(audit).toMatchObject({ action: 'import.completed', after: { source: 'statuspage', skipped: 2 } })
    })

    it('updates instead of duplicating when run again, and adds what is new', async () => {
      const { deps, org } = await createTestApp(engine)
      const first = await loadImport('statuspage', { file: exportFile })
      await applyImportPlan(deps, importContext(org.id), first.plan)
      const changed = structuredClone(exportFile) as Omit<typeof exportFile, 'incidents'> & {
        incidents: { id: string; status: string; incident_updates: unknown[] }[]
      }
      const slow = changed.incidents.find((i) => i.id === 'inc0z1x2c3v4')!
      slow.status = 'resolved'
      slow.incident_updates.push({
        id: 'upd0c0000003',
        status: 'resolved',
        body: 'Latency is back to normal.',
        created_at: '2026-11-02T09:00:00.000Z',
        display_at: '2026-11-02T09:00:00.000Z',
      })
      const second = await loadImport('statuspage', { file: changed })
      const report = await applyImportPlan(deps, importContext(org.id), second.plan)
      expect(report.created).toEqual({ incident_updates: 1 })
      expect(report.updated).toMatchObject({ pages: 1, components: 4, incidents: 3, subscribers: 4 })
      for (const [table, n] of [
        ['status_pages', 1],
        ['components', 4],
        ['incidents', 3],
        ['incident_updates', 10],
        ['scheduled_maintenances', 2],
        ['subscribers', 4],
      ] as const)
        expect(await countRows(deps, table, org.id)).toBe(n)
      const tx = deps.store.forOrg(org.id)
      expect((await tx.incidents.list()).find((i) => i.title === 'Slow REST API responses')?.status).toBe('resolved')
    })

    it('resumes an import cut off half-way without duplicating what was written', async () => {
      const { deps, org } = await createTestApp(engine)
      const { plan } = await loadImport('statuspage', { file: exportFile })
      const failing = {
        ...deps,
        store: {
          ...deps.store,
          transaction: ((orgId, fn, name) =>
            name?.endsWith(': subscribers')
              ? deps.store.transaction(orgId, async (tx, raw) => {
                  await fn(tx, raw)
                  throw new Error('the connection dropped')
                })
              : deps.store.transaction(orgId, fn, name)) as typeof deps.store.transaction,
        },
      }
      await expect(applyImportPlan(failing, importContext(org.id), plan)).rejects.toThrow('the connection dropped')
      expect(await countRows(deps, 'incidents', org.id)).toBe(3)
      expect(await countRows(deps, 'subscribers', org.id)).toBe(0)
      const resumed = await applyImportPlan(deps, importContext(org.id), plan)
      expect(resumed.created).toEqual({ subscribers: 4 })
      expect(await countRows(deps, 'incidents', org.id)).toBe(3)
      expect(await countRows(deps, 'status_pages', org.id)).toBe(1)
    })

    it('writes nothing on a dry run and says what it would create', async () => {
      const { deps, org } = await createTestApp(engine)
      const { plan } = await loadImport('statuspage', { file: exportFile })
      const report = await applyImportPlan(deps, importContext(org.id), plan, { dryRun: true })
      expect(report).toMatchObject({ dry_run: true, created: { pages: 1, components: 4, subscribers: 4 } })
      expect(report.skipped).toHaveLength(2)
      expect(await countRows(deps, 'status_pages', org.id)).toBe(0)
    })

    it("reads the page through Statuspage's API, page by page, with the page's API key", async () => {
      const { deps, org } = await createTestApp(engine)
      const subscribers = exportFile.subscribers
      let isLimited = true
      const server = await startSourceServer((req, url) => {
        if (req.headers.authorization !== 'OAuth sp-key-123') return { status: 401, body: { error: 'Unauthorized' } }
        if (url.pathname.endsWith('/incidents') && isLimited) {
          isLimited = false
          return { status: 429, body: { error: 'Rate limit exceeded' }, headers: { 'retry-after': '0' } }
        }
        const path = url.pathname.replace('/v1/pages/y2j98763l56x', '')
        if (path === '') return { body: exportFile.page }
        if (path === '/components') return { body: pageOf(exportFile.components, url) }
        if (path === '/incidents') return { body: pageOf(exportFile.incidents, url) }
        if (path === '/subscribers') {
          const state = url.searchParams.get('state')
          const listed = subscribers.filter((s) => state === 'all' || s.state === state)
          return {
            body: pageOf(
              listed.map((s) => ({ ...s, state: undefined })),
              url,
            ),
          }
        }
        return { status: 404, body: { error: 'not found' } }
      })
      const api = { key: 'sp-key-123', pageId: 'y2j98763l56x', url: `${server.url}/v1` }
      const { plan } = await loadImport('statuspage', { api })
      const report = await applyImportPlan(deps, importContext(org.id), plan)
      expect(report.created).toMatchObject({ pages: 1, components: 4, incidents: 3, subscribers: 4 })
      expect(server.requests.filter((r) => r.path.includes('/incidents'))).toHaveLength(2)
      expect(server.requests.map((r) => r.path)).toContain(
        '/v1/pages/y2j98763l56x/subscribers?state=all&page=1&per_page=100',
      )
      expect(report.skipped).toHaveLength(2)

      await expect(loadImport('statuspage', { api: { ...api, key: 'wrong' } })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('refused (HTTP 401)'),
      })
    })

    it('refuses a file that is not a Statuspage export, naming what is wrong, and writes nothing', async () => {
      await expect(loadImport('statuspage', { file: { components: 'none' } })).rejects.toMatchObject({
        code: 'VALIDATION',
        details: expect.arrayContaining([expect.objectContaining({ path: 'page' })]),
      })
    })
  })
})

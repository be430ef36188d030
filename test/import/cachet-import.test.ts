import { describe, expect, it } from 'vitest'
import { applyImportPlan } from '../../src/app/import/apply-import-plan.js'
import { readCachetDb } from '../../src/import/cachet/read-cachet-db.js'
import { loadImport } from '../../src/import/load-plan.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { cachetDb } from './fixtures/cachet-db.js'
import { countRows, importContext } from './import-helpers.js'
import { startSourceServer } from './source-server.js'

forEachDatabase((engine) => {
  describe('Cachet import', () => {
    it("brings a Cachet database's groups, components, incidents with updates, schedules, subscribers", async () => {
      const { deps, org } = await createTestApp(engine)
      const { plan } = await loadImport('cachet', { database: await cachetDb() })
      const report = await applyImportPlan(deps, importContext(org.id), plan)
      expect(report.created).toMatchObject({
        pages: 1,
        groups: 1,
        components: 3,
        incidents: 2,
        incident_updates: 5,
        maintenances: 2,
        subscribers: 3,
      })
      expect(report.skipped.map((s) => s.item)).toEqual(['component "Legacy FTP"', 'incident "Internal test"'])
      const tx = deps.store.forOrg(org.id)
      const [page] = await tx.pages.list()
      expect(page).toMatchObject({ name: 'Widgets Inc', time_zone: 'America/Chicago' })
      const components = await tx.components.list(page!.id)
      expect(components.map((c) => [c.name, c.status])).toEqual([
        ['API', 'operational'],
        ['Dashboard', 'degraded_performance'],
        ['Docs', 'operational'],
      ])
      const incidents = await tx.incidents.list({ pageId: page!.id })
      const outage = incidents.find((i) => i.title === 'API outage')!
      expect(outage).toMatchObject({
        status: 'resolved',
        started_at: new Date('2026-09-01T15:00:00Z'),
        identified_at: new Date('2026-09-01T15:30:00Z'),
        resolved_at: new Date('2026-09-01T16:45:00Z'),
      })
      const updates = await tx.incidents.listUpdates([outage.id])
      expect(updates.map((u) => u.status)).toEqual(['resolved', 'identified', 'investigating'])
      const subscribers = await tx.subscribers.list({ pageId: page!.id }, { limit: 10 })
      const byEmail = new Map(subscribers.map((s) => [s.address, s]))
      expect(byEmail.get('everything@customer.example')).toMatchObject({ state: 'active', component_ids: [] })
      expect(byEmail.get('api-only@customer.example')?.component_ids).toEqual([components[0]!.id])
      expect(byEmail.get('pending@customer.example')?.state).toBe('pending')
      expect(await countRows(deps, 'deliveries', org.id)).toBe(0)
    })

    it('reads the same page through the API v1, page by page, with the token for subscribers', async () => {
      const { deps, org } = await createTestApp(engine)
      const source = await readCachetDb(await cachetDb())
      const server = await startSourceServer((req, url) => {
        const page = Number(url.searchParams.get('page') ?? 1)
        const list = (items: unknown[]) => ({
          body: {
            meta: {
              pagination: {
                total: items.length,
                per_page: 2,
                current_page: page,
                total_pages: Math.ceil(items.length / 2),
              },
            },
            data: items.slice((page - 1) * 2, page * 2),
          },
        })
        const incident = source.incidents.find((i) => url.pathname === `/api/v1/incidents/${i.id}/updates`)
        if (incident) return list(incident.updates)
        if (url.pathname === '/api/v1/components') return list(source.components)
        if (url.pathname === '/api/v1/components/groups') return list(source.component_groups)
        if (url.pathname === '/api/v1/incidents')
          return list(source.incidents.map((i) => ({ ...i, updates: undefined })))
        if (url.pathname === '/api/v1/schedules') return list(source.schedules)
        if (url.pathname === '/api/v1/subscribers')
          return req.headers['x-cachet-token'] === 'cachet-token' ? list(source.subscribers) : { status: 401, body: {} }
        return { status: 404, body: {} }
      })
      const { plan } = await loadImport('cachet', { api: { url: server.url, key: 'cachet-token' } })
      const report = await applyImportPlan(deps, importContext(org.id), plan)
      expect(report.created).toMatchObject({ components: 3, incidents: 2, incident_updates: 5, subscribers: 3 })
      await expect(loadImport('cachet', { api: { url: server.url, key: 'wrong' } })).rejects.toMatchObject({
        code: 'VALIDATION',
      })
    })
  })
})

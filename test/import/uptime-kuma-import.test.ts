import { describe, expect, it } from 'vitest'
import { applyImportPlan } from '../../src/app/import/apply-import-plan.js'
import { loadImport } from '../../src/import/load-plan.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { kumaDb } from './fixtures/kuma-db.js'
import { countRows, importContext } from './import-helpers.js'

const now = new Date('2026-11-20T09:00:00Z')

describe('reading kuma.db', () => {
  it('refuses a file that is not SQLite, and a SQLite file that is not Uptime Kuma', async () => {
    const garbage = new TextEncoder().encode('{"not":"sqlite"}')
    await expect(loadImport('uptime-kuma', { database: garbage })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'The Uptime Kuma database is not a SQLite database',
    })
    const initSqlJs = (await import('sql.js')).default
    const other = new (await initSqlJs()).Database()
    other.exec('CREATE TABLE notes (id INTEGER)')
    await expect(loadImport('uptime-kuma', { database: other.export() })).rejects.toMatchObject({
      message: 'This is not an Uptime Kuma database (kuma.db)',
      details: [{ message: 'missing tables: status_page, group, monitor, monitor_group' }],
    })
  })
})

forEachDatabase((engine) => {
  describe('Uptime Kuma import', () => {
    it('brings pages, groups, monitors as components, incidents and one-off maintenances', async () => {
      const { deps, org } = await createTestApp(engine, { now })
      const { plan } = await loadImport('uptime-kuma', { database: await kumaDb() }, undefined, now)
      const report = await applyImportPlan(deps, importContext(org.id, now), plan)
      expect(report.created).toMatchObject({ pages: 2, groups: 3, components: 6, incidents: 2, maintenances: 3 })
      expect(report.skipped.map((s) => s.item)).toEqual(['incident "Orphan note"', 'maintenance "Weekly backups"'])

      const tx = deps.store.forOrg(org.id)
      const pages = await tx.pages.list()
      expect(pages.map((p) => [p.slug, p.name])).toEqual([
        ['shop', 'Shop status'],
        ['internal', 'Internal services'],
      ])
      const shop = pages[0]!
      const components = await tx.components.list(shop.id)
      expect(components.map((c) => [c.name, c.status])).toEqual([
        ['Website', 'operational'],
        ['Database', 'degraded_performance'],
        ['API', 'major_outage'],
        ['Search', 'under_maintenance'],
      ])
      const incidents = await tx.incidents.list({ pageId: shop.id })
      expect(incidents.map((i) => [i.title, i.status, i.impact])).toEqual([
        ['Slow search', 'investigating', 'minor'],
        ['Checkout errors', 'resolved', 'major'],
      ])
      expect(incidents[1]).toMatchObject({
        started_at: new Date('2026-10-02T14:00:00Z'),
        resolved_at: new Date('2026-10-02T16:30:00Z'),
      })
      const maintenances = await tx.maintenances.list({ pageId: shop.id })
      expect(maintenances.map((m) => [m.title, m.status, m.scheduled_for.toISOString()])).toEqual([
        ['Database upgrade', 'scheduled', '2026-12-05T01:00:00.000Z'],
        ['Old migration', 'completed', '2026-06-01T01:00:00.000Z'],
      ])
      const linked = await tx.maintenances.listComponentIds([maintenances[0]!.id])
      expect(linked.map((l) => components.find((c) => c.id === l.component_id)?.name)).toEqual(['Database'])

      const again = await applyImportPlan(deps, importContext(org.id, now), plan)
      expect(again.created).toEqual({})
      expect(await countRows(deps, 'components', org.id)).toBe(6)
      expect(await countRows(deps, 'incidents', org.id)).toBe(2)
    })
  })
})

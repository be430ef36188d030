import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { statusPageViews } from '../../src/app/status-page/status-page-views.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'

const day = 86_400_000

forEachDatabase((engine) => {
  describe('status page view from the store', () => {
    it('shows only public, real incidents, and computes uptime from the status history around the window', async () => {
      const { deps, org, clock } = await createTestApp(engine)
      const now = clock.now
      const ago = (days: number, hours = 0) => new Date(now.getTime() - days * day + hours * 3_600_000)
      const store = deps.store.forOrg(org.id)
      const page = await store.pages.create({
        slug: `view-${org.id.slice(0, 8)}`,
        name: 'View',
        hostnames: [`view-${org.id.slice(0, 8)}.example`],
        branding: { brandColor: '#123456' },
      })
      const api = await store.components.create({ pageId: page.id, name: 'API', startDate: '2026-01-01' })
      const changes: [Date, string | null, string][] = [
        [ago(200), null, 'major_outage'],
        [ago(199), 'major_outage', 'operational'],
        [ago(10), 'operational', 'partial_outage'],
        [ago(10, 2), 'partial_outage', 'operational'],
      ]
      for (const [at, from, to] of changes) {
        await sql`insert into component_status_changes (org_id, component_id, old_status,
        new_status, changed_at) values (${org.id}, ${api.id}, ${from}, ${to}, ${at})`.execute(deps.store.db)
      }
      const publicIncident = await store.incidents.create({
        title: 'Slow API',
        status: 'resolved',
        pageId: page.id,
        impact: 'minor',
        startedAt: ago(10),
        resolvedAt: ago(10, 2),
      })
      await store.incidents.addUpdate(publicIncident.id, {
        status: 'resolved',
        body: 'Fixed *now*.',
        bodyTechnical: 'Pool resized.',
        displayAt: ago(10, 2),
      })
      await store.incidents.create({
        title: 'Drill: DB failover',
        status: 'investigating',
        pageId: page.id,
        impact: 'critical',
        isDrill: true,
        startedAt: ago(1),
      })
      await store.incidents.create({
        title: 'Maybe an outage',
        status: 'triage',
        pageId: page.id,
        impact: 'major',
        startedAt: ago(1),
      })
      await store.incidents.create({
        title: 'Too old',
        status: 'resolved',
        pageId: page.id,
        startedAt: ago(500),
        resolvedAt: ago(500),
      })

      const view = (await statusPageViews(deps).loadView(page.id, now))!
      expect(view.incidents.map((i) => i.name)).toEqual(['Slow API'])
      expect(view.incidents[0]!.updates[0]).toMatchObject({
        bodyHtml: '<p>Fixed <em>now</em>.</p>\n',
        bodyText: 'Fixed now.',
        technicalText: 'Pool resized.',
      })
      expect(view.indicator).toBe('none')
      expect(view.page).toMatchObject({
        url: `http://view-${org.id.slice(0, 8)}.example`,
        locale: 'en',
        branding: { brandColor: '#123456', logoUrl: null },
      })
      expect(view.components[0]!.startDate).toBe('2026-01-01')
      const uptime = view.components[0]!.uptime!
      expect(uptime.days).toHaveLength(90)
      const badDay = uptime.days.find((d) => d.date === ago(10).toISOString().slice(0, 10))!
      expect(badDay.worst).toBe('partial_outage')
      expect(badDay.partialOutageMs).toBe(2 * 3_600_000)
      expect(uptime.days[0]!.worst).toBe('operational')
      expect(uptime.percent).toBeLessThan(100)
    })

    it('returns null for a page that does not exist', async () => {
      const { deps } = await createTestApp(engine)
      expect(await statusPageViews(deps).loadView('00000000-0000-0000-0000-000000000000', new Date())).toBeNull()
    })
  })
})

import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

/** What a customer sees on the page, in the HTML and in the Statuspage-compatible JSON, which must agree. */
async function shown(app: FastifyInstance, slug: string) {
  const html = (await app.inject({ url: `/p/${slug}/` })).body
  const summary = (await app.inject({ url: `/p/${slug}/api/v2/summary.json` })).json()
  const status = (await app.inject({ url: `/p/${slug}/api/v2/status.json` })).json()
  const incidents = (await app.inject({ url: `/p/${slug}/api/v2/incidents.json` })).json()
  expect(status.status).toEqual(summary.status)
  return {
    banner: /class="banner ind-(\w+)"/.exec(html)?.[1],
    indicator: summary.status.indicator,
    openImpacts: summary.incidents.map((i: { impact: string }) => i.impact),
    historyImpacts: incidents.incidents.map((i: { impact: string }) => i.impact),
  }
}

async function pageWithApi(t: TestApp) {
  const slug = `impact-${t.org.id.slice(0, 8)}`
  const page = (
    await t.app.inject({ method: 'POST', url: '/api/pages', headers: t.org.auth, payload: { slug, name: 'Acme' } })
  ).json()
  const component = (
    await t.app.inject({
      method: 'POST',
      url: '/api/components',
      headers: t.org.auth,
      payload: { page_id: page.id, name: 'API' },
    })
  ).json()
  return { slug, pageId: page.id as string, componentId: component.id as string }
}

async function settled(t: TestApp, slug: string, check: (s: Awaited<ReturnType<typeof shown>>) => boolean) {
  for (let i = 0; i < 300; i++) {
    const now = await shown(t.app, slug)
    if (check(now)) return now
    await new Promise((r) => setTimeout(r, 10))
  }
  return shown(t.app, slug)
}

forEachDatabase((engine) => {
  describe('the impact customers see', () => {
    it('follows the affected components, not the severity, unless a communicator chooses one', async () => {
      const t = await createTestApp(engine)
      const { slug, pageId, componentId } = await pageWithApi(t)
      await t.deps.statusPages.start()
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: {
          title: 'Slow logins',
          page_id: pageId,
          severity: 5,
          body: 'Some logins fail.',
          components: [{ id: componentId, status: 'partial_outage' }],
        },
      })
      expect(created.statusCode).toBe(201)
      const incidentId = created.json().id
      // Severity "severe" used to turn this into "Major system outage" (critical).
      expect(await settled(t, slug, (s) => s.openImpacts.length === 1)).toEqual({
        banner: 'major',
        indicator: 'major',
        openImpacts: ['major'],
        historyImpacts: ['major'],
      })

      const chosen = await t.app.inject({
        method: 'PATCH',
        url: `/api/incidents/${incidentId}`,
        headers: t.org.auth,
        payload: { impact: 'critical' },
      })
      expect(chosen.statusCode).toBe(200)
      expect(await settled(t, slug, (s) => s.indicator === 'critical')).toMatchObject({
        banner: 'critical',
        indicator: 'critical',
        openImpacts: ['critical'],
      })

      const released = await t.app.inject({
        method: 'PATCH',
        url: `/api/incidents/${incidentId}`,
        headers: t.org.auth,
        payload: { impact: null },
      })
      expect(released.statusCode).toBe(200)
      expect(await settled(t, slug, (s) => s.indicator === 'major')).toMatchObject({
        banner: 'major',
        openImpacts: ['major'],
      })
    })

    it('keeps a resolved incident’s impact at the worst its components were', async () => {
      const t = await createTestApp(engine)
      const { slug, pageId, componentId } = await pageWithApi(t)
      await t.deps.statusPages.start()
      const incidentId = (
        await t.app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: t.org.auth,
          payload: {
            title: 'Outage',
            page_id: pageId,
            severity: 1,
            body: 'Down.',
            components: [{ id: componentId, status: 'major_outage' }],
          },
        })
      ).json().id
      const resolved = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${incidentId}/updates`,
        headers: t.org.auth,
        payload: { status: 'resolved', body: 'Fixed.', components: [{ id: componentId, status: 'operational' }] },
      })
      expect(resolved.statusCode).toBe(201)
      expect(await settled(t, slug, (s) => s.indicator === 'none' && s.historyImpacts.length === 1)).toEqual({
        banner: 'none',
        indicator: 'none',
        openImpacts: [],
        historyImpacts: ['critical'],
      })
    })
  })
})

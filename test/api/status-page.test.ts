import { brotliDecompressSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { statusPagesService } from '../../src/wiring/services.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp, type TestOrg } from '../support/test-app.js'

async function until(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<number> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
  return Date.now() - started
}

async function publicPage(app: FastifyInstance, org: TestOrg) {
  const slug = `acme-${org.id.slice(0, 8)}`
  const host = `${slug}.status.test`
  const page = (
    await app.inject({
      method: 'POST',
      url: '/api/pages',
      headers: org.auth,
      payload: { slug, name: 'Acme <Cloud>', hostnames: [host] },
    })
  ).json()
  const component = (
    await app.inject({
      method: 'POST',
      url: '/api/components',
      headers: org.auth,
      payload: { page_id: page.id, name: 'API' },
    })
  ).json()
  return { pageId: page.id as string, componentId: component.id as string, slug, host }
}

async function started(t: TestApp) {
  const runtime = t.deps.statusPages
  await runtime.start()
  return runtime
}

forEachDatabase((engine) => {
  describe('public status page', () => {
    it('serves the page by slug and by Host header, with the banner and component rows', async () => {
      const t = await createTestApp(engine)
      const { slug, host } = await publicPage(t.app, t.org)
      await started(t)
      const redirect = await t.app.inject({ url: `/p/${slug}?x=1` })
      expect(redirect.statusCode).toBe(301)
      expect(redirect.headers.location).toBe(`/p/${slug}/?x=1`)
      const bySlug = await t.app.inject({ url: `/p/${slug}/` })
      expect(bySlug.statusCode).toBe(200)
      expect(bySlug.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(bySlug.body).toContain('All systems operational')
      expect(bySlug.body).toContain('<span class="name">API</span><span class="status st-operational">')
      expect(bySlug.body).toContain('Acme &lt;Cloud&gt;')
      const byHost = await t.app.inject({ url: '/', headers: { host: `${host.toUpperCase()}:443` } })
      expect(byHost.body).toBe(bySlug.body)
      expect((await t.app.inject({ url: '/', headers: { host: 'unknown.example' } })).statusCode).toBe(404)
      expect((await t.app.inject({ url: `/p/${slug}/history` })).body).toContain('<h1>Incident history</h1>')
      expect((await t.app.inject({ url: '/badge.svg', headers: { host } })).body).toContain('All systems operational')
    })

    it("shows times in the page's time zone, in the page, its history and its feed", async () => {
      const t = await createTestApp(engine)
      const { slug, pageId } = await publicPage(t.app, t.org)
      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/api/pages/${pageId}`,
        headers: t.org.auth,
        payload: { time_zone: 'Europe/Berlin', locale: 'de' },
      })
      expect(patched.statusCode).toBe(200)
      await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: { title: 'Login failures', page_id: pageId, body: 'Looking into it.' },
      })
      await started(t)
      const zone = /\d{2}:\d{2} ME(S)?Z/
      expect((await t.app.inject({ url: `/p/${slug}/` })).body).toMatch(zone)
      expect((await t.app.inject({ url: `/p/${slug}/history` })).body).toMatch(zone)
      expect((await t.app.inject({ url: `/p/${slug}/history.atom` })).body).toMatch(zone)
      expect((await t.app.inject({ url: `/p/${slug}/` })).body).not.toMatch(/\d{2}:\d{2} UTC/)
    })

    it('answers Statuspage-compatible JSON with open CORS', async () => {
      const t = await createTestApp(engine)
      const { slug, pageId, componentId } = await publicPage(t.app, t.org)
      await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: {
          title: 'API errors',
          page_id: pageId,
          body: 'We are **investigating**.',
          components: [{ id: componentId, status: 'major_outage' }],
        },
      })
      await started(t)
      const response = await t.app.inject({ url: `/p/${slug}/api/v2/summary.json` })
      expect(response.headers['access-control-allow-origin']).toBe('*')
      const summary = response.json()
      expect(summary.status).toEqual({ indicator: 'critical', description: 'Major System Outage' })
      expect(summary.components[0]).toMatchObject({ id: componentId, status: 'major_outage', group: false })
      expect(summary.incidents[0].incident_updates[0]).toMatchObject({
        status: 'investigating',
        body: 'We are investigating.',
      })
      expect(summary.page.url).toBe(`http://${slug}.status.test`)
      const page = (await t.app.inject({ url: `/p/${slug}/` })).body
      expect(page).toContain('<p>We are <strong>investigating</strong>.</p>')
    })

    it('sends precompressed bytes, strong ETags and 304s, and a public cache policy', async () => {
      const t = await createTestApp(engine)
      const { slug } = await publicPage(t.app, t.org)
      await started(t)
      const plain = await t.app.inject({ url: `/p/${slug}/` })
      const br = await t.app.inject({ url: `/p/${slug}/`, headers: { 'accept-encoding': 'gzip, br' } })
      expect(br.headers['content-encoding']).toBe('br')
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
      expect(br.headers.vary).toBe('Accept-Encoding')
      expect(plain.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+/)
      const again = await t.app.inject({
        url: `/p/${slug}/`,
        headers: { 'if-none-match': String(br.headers.etag), 'accept-encoding': 'br' },
      })
      expect(again.statusCode).toBe(304)
      expect(again.body).toBe('')
      const head = await t.app.inject({ method: 'HEAD', url: `/p/${slug}/` })
      expect(head.statusCode).toBe(200)
      expect(head.headers['content-length']).toBe(String(plain.rawPayload.length))
    })

    it('rebuilds the page within a second of an update posted through the API, and tells live readers', async () => {
      const t = await createTestApp(engine)
      const { slug, pageId, componentId } = await publicPage(t.app, t.org)
      const runtime = await started(t)
      const published: string[] = []
      const publish = runtime.hub.publish.bind(runtime.hub)
      runtime.hub.publish = (id, version) => (published.push(id), publish(id, version))
      const before = (await t.app.inject({ url: `/p/${slug}/` })).headers.etag
      await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: {
          title: 'Login failures',
          page_id: pageId,
          body: 'Looking into it.',
          components: [{ id: componentId, status: 'partial_outage' }],
        },
      })
      await until(async () => (await t.app.inject({ url: `/p/${slug}/` })).body.includes('Login failures'))
      expect((await t.app.inject({ url: `/p/${slug}/` })).headers.etag).not.toBe(before)
      expect(published).toContain(pageId)
    })

    it('picks up a change written straight to the database by another node (LISTEN/NOTIFY)', async () => {
      const t = await createTestApp(engine)
      const { slug, componentId } = await publicPage(t.app, t.org)
      const service = statusPagesService(t.deps)
      await service!.start()
      try {
        await sql`update components set status = 'under_maintenance' where id = ${componentId}`.execute(t.database.db)
        await until(async () => (await t.app.inject({ url: `/p/${slug}/` })).body.includes('Service under maintenance'))
      } finally {
        await service!.stop()
      }
    })

    it('never renders per request: cache-busting headers and queries get the same bytes', async () => {
      const t = await createTestApp(engine)
      const { slug } = await publicPage(t.app, t.org)
      await started(t)
      const first = await t.app.inject({ url: `/p/${slug}/` })
      const busted = await t.app.inject({
        url: `/p/${slug}/?nocache=${Date.now()}`,
        headers: { 'cache-control': 'no-cache', pragma: 'no-cache' },
      })
      expect(busted.headers.etag).toBe(first.headers.etag)
      expect(busted.body).toBe(first.body)
    })

    it('answers 503 before the first load and 404 for an unknown page or incident', async () => {
      const t = await createTestApp(engine)
      const { slug } = await publicPage(t.app, t.org)
      const early = await t.app.inject({ url: '/p/nope/' })
      expect(early.statusCode).toBe(503)
      expect(early.headers['retry-after']).toBe('5')
      await started(t)
      expect((await t.app.inject({ url: '/p/nope/' })).statusCode).toBe(404)
      expect(
        (await t.app.inject({ url: `/p/${slug}/incidents/00000000-0000-0000-0000-000000000000` })).statusCode,
      ).toBe(404)
    })
  })
})

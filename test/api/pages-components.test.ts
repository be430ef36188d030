import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'

forEachDatabase((engine) => {
  describe('status pages, groups and components API', () => {
    it('creates a page with hostnames, groups and components, and lists them', async () => {
      const { app, org } = await createTestApp(engine)
      const page = await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: org.auth,
        payload: {
          slug: 'acme',
          name: 'Acme',
          hostnames: ['Status.Acme.com', 'status.acme.com.au'],
          locale: 'de',
          time_zone: 'Europe/Berlin',
        },
      })
      expect(page.statusCode).toBe(201)
      expect(page.json()).toMatchObject({
        slug: 'acme',
        locale: 'de',
        time_zone: 'Europe/Berlin',
        hostnames: ['status.acme.com', 'status.acme.com.au'],
      })
      const pageId = page.json().id
      const group = await app.inject({
        method: 'POST',
        url: '/api/component-groups',
        headers: org.auth,
        payload: { page_id: pageId, name: 'Core' },
      })
      expect(group.statusCode).toBe(201)
      const component = await app.inject({
        method: 'POST',
        url: '/api/components',
        headers: org.auth,
        payload: { page_id: pageId, group_id: group.json().id, name: 'API' },
      })
      expect(component.statusCode).toBe(201)
      expect(component.json()).toMatchObject({ name: 'API', status: 'operational', group_id: group.json().id })
      const list = await app.inject({ url: `/api/components?page_id=${pageId}`, headers: org.auth })
      expect(list.json().map((c: { name: string }) => c.name)).toEqual(['API'])
    })

    it('changes a component status and keeps the history for uptime', async () => {
      const { app, org, deps, clock } = await createTestApp(engine)
      const pageId = (
        await app.inject({ method: 'POST', url: '/api/pages', headers: org.auth, payload: { slug: 'p1', name: 'P' } })
      ).json().id
      const id = (
        await app.inject({
          method: 'POST',
          url: '/api/components',
          headers: org.auth,
          payload: { page_id: pageId, name: 'DB' },
        })
      ).json().id
      clock.advance(60_000)
      const changed = await app.inject({
        method: 'PATCH',
        url: `/api/components/${id}`,
        headers: org.auth,
        payload: { status: 'major_outage' },
      })
      expect(changed.json().status).toBe('major_outage')
      const history = await deps.store.forOrg(org.id).components.statusHistory([id], new Date(0))
      expect(history.map((h) => [h.old_status, h.new_status])).toEqual([
        [null, 'operational'],
        ['operational', 'major_outage'],
      ])
    })

    it('answers bad input with a problem+json 400 listing each field', async () => {
      const { app, org } = await createTestApp(engine)
      const response = await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: org.auth,
        payload: { slug: 'Not A Slug', name: '', hostnames: ['not a host'], extra: 1 },
      })
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
      const paths = response.json().errors.map((e: { path: string }) => e.path)
      expect(paths).toEqual(expect.arrayContaining(['slug', 'name', 'hostnames.0', '(body)']))
    })

    it('refuses malformed JSON, a wrong content type and a huge body with 4xx problems', async () => {
      const { app, org } = await createTestApp(engine)
      const malformed = await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: { ...org.auth, 'content-type': 'application/json' },
        payload: '{"slug":',
      })
      expect(malformed.statusCode).toBe(400)
      const wrongType = await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: { ...org.auth, 'content-type': 'text/csv' },
        payload: 'a,b',
      })
      expect(wrongType.statusCode).toBe(415)
      const huge = await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: { ...org.auth, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      })
      expect(huge.statusCode).toBe(413)
      for (const r of [malformed, wrongType, huge]) expect(r.headers['content-type']).toMatch(/problem\+json/)
    })

    it('reports a taken slug or hostname as a 409 conflict, not a 500', async () => {
      const { app, org, createOrg } = await createTestApp(engine)
      await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: org.auth,
        payload: { slug: 'taken', name: 'A', hostnames: ['status.taken.com'] },
      })
      const other = await createOrg()
      const sameSlug = await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: other.auth,
        payload: { slug: 'taken', name: 'B' },
      })
      expect(sameSlug.statusCode).toBe(409)
      const sameHost = await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: other.auth,
        payload: { slug: 'other', name: 'B', hostnames: ['status.taken.com'] },
      })
      expect(sameHost.statusCode).toBe(409)
      const pages = await app.inject({ url: '/api/pages', headers: other.auth })
      expect(pages.json()).toEqual([])
    })

    it('requires a valid token for every API route, and hides other tenants behind 404', async () => {
      const { app, org, createOrg } = await createTestApp(engine)
      const pageId = (
        await app.inject({
          method: 'POST',
          url: '/api/pages',
          headers: org.auth,
          payload: { slug: 'mine', name: 'Mine' },
        })
      ).json().id
      expect((await app.inject({ url: '/api/pages' })).statusCode).toBe(401)
      expect((await app.inject({ url: '/api/pages', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401)
      const stranger = await createOrg()
      expect((await app.inject({ url: `/api/pages/${pageId}`, headers: stranger.auth })).statusCode).toBe(404)
      expect(
        (
          await app.inject({
            method: 'PATCH',
            url: `/api/pages/${pageId}`,
            headers: stranger.auth,
            payload: { name: 'x' },
          })
        ).statusCode,
      ).toBe(404)
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/pages/${pageId}`, headers: stranger.auth })).statusCode,
      ).toBe(404)
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/components',
            headers: stranger.auth,
            payload: { page_id: pageId, name: 'X' },
          })
        ).statusCode,
      ).toBe(400)
      expect((await app.inject({ url: '/api/pages/not-a-uuid', headers: org.auth })).statusCode).toBe(404)
    })

    it('lets a viewer read but not write', async () => {
      const { app, org } = await createTestApp(engine)
      const viewer = await org.tokenFor('viewer')
      expect((await app.inject({ url: '/api/pages', headers: viewer })).statusCode).toBe(200)
      const denied = await app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: viewer,
        payload: { slug: 'v', name: 'V' },
      })
      expect(denied.statusCode).toBe(403)
      expect(denied.json().code).toBe('FORBIDDEN')
    })

    it('serves the OpenAPI document listing the resources', async () => {
      const { app } = await createTestApp(engine)
      const doc = (await app.inject({ url: '/api/openapi.json' })).json()
      expect(doc.openapi).toBe('3.1.0')
      for (const path of [
        '/api/pages',
        '/api/components',
        '/api/component-groups',
        '/api/incidents',
        '/api/incidents/{id}/updates',
        '/api/maintenances',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path)
      }
      expect(doc.paths['/api/pages'].post.requestBody).toBeDefined()
    })

    it('reports database reachability on /healthz', async () => {
      const { app, database } = await createTestApp(engine)
      const ok = await app.inject({ url: '/healthz' })
      expect(ok.json()).toMatchObject({ status: 'ok', database: { engine, reachable: true } })
      await database.close()
      if (engine === 'postgres') {
        const down = await app.inject({ url: '/healthz' })
        expect(down.statusCode).toBe(503)
      }
    })
  })
})

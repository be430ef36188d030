import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { kumaDb } from './fixtures/kuma-db.js'
import { countRows, fixture } from './import-helpers.js'
import { startSourceServer } from './source-server.js'

const statuspage = fixture('statuspage-export.json')

describe('the imports route', () => {
  it('is in the OpenAPI document', async () => {
    const { app } = await createTestApp('pglite')
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.paths['/api/imports/{source}'].post.tags).toEqual(['Imports'])
  })
})

forEachDatabase((engine) => {
  describe('POST /api/imports/{source}', () => {
    it('imports an export for an owner, and a dry run writes nothing', async () => {
      const { app, deps, org } = await createTestApp(engine)
      const dry = await app.inject({
        method: 'POST',
        url: '/api/imports/statuspage?dry_run=true',
        headers: org.auth,
        payload: { file: statuspage },
      })
      expect(dry.statusCode).toBe(200)
      expect(dry.json()).toMatchObject({ dry_run: true, created: { pages: 1, incidents: 3 } })
      expect(await countRows(deps, 'status_pages', org.id)).toBe(0)

      const res = await app.inject({
        method: 'POST',
        url: '/api/imports/statuspage',
        headers: org.auth,
        payload: { file: statuspage },
      })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ dry_run: false, created: { pages: 1, components: 4, subscribers: 4 } })
      expect(res.json().skipped).toHaveLength(2)
      const pages = await app.inject({ method: 'GET', url: '/api/pages', headers: org.auth })
      expect(pages.json()).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Acme Cloud' })]))
    })

    it('refuses a second run of the same import while one is running (409)', async () => {
      const { app, deps, org } = await createTestApp(engine)
      const started = await deps.store.transaction(org.id, (tx) =>
        tx.imports.claimRun('statuspage', new Date(), 3_600_000),
      )
      expect(started).toBe(true)
      const res = await app.inject({
        method: 'POST',
        url: '/api/imports/statuspage',
        headers: org.auth,
        payload: { file: statuspage },
      })
      expect(res.statusCode).toBe(409)
      expect(res.json()).toMatchObject({ code: 'CONFLICT' })
      await deps.store.transaction(org.id, (tx) => tx.imports.releaseRun('statuspage'))
      const again = await app.inject({
        method: 'POST',
        url: '/api/imports/statuspage',
        headers: org.auth,
        payload: { file: statuspage },
      })
      expect(again.statusCode).toBe(200)
    })

    it('takes a kuma.db as the raw body', async () => {
      const { app, org } = await createTestApp(engine, { now: new Date('2026-11-20T09:00:00Z') })
      const res = await app.inject({
        method: 'POST',
        url: '/api/imports/uptime-kuma',
        headers: { ...org.auth, 'content-type': 'application/octet-stream' },
        payload: Buffer.from(await kumaDb()),
      })
      expect(res.statusCode).toBe(200)
      expect(res.json().created).toMatchObject({ pages: 2, components: 6 })
    })

    it('answers bad input with a problem, and refuses roles below admin', async () => {
      const { app, org } = await createTestApp(engine)
      const post = (url: string, payload: unknown, headers: Record<string, string> = org.auth) =>
        app.inject({ method: 'POST', url, headers, payload: payload as string })
      const responder = await post('/api/imports/statuspage', { file: statuspage }, await org.tokenFor('responder'))
      expect(responder.statusCode).toBe(403)
      expect(responder.headers['content-type']).toContain('application/problem+json')

      const unknown = await post('/api/imports/freshping', { file: {} })
      expect(unknown.statusCode).toBe(400)
      expect(unknown.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'source' }] })

      const both = await post('/api/imports/statuspage', { file: statuspage, api: { key: 'k', page_id: 'p' } })
      expect(both.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'file' }] })

      const malformed = await post('/api/imports/statuspage', { file: { page: { id: 1 } } })
      expect(malformed.statusCode).toBe(400)
      expect(malformed.json().title ?? malformed.json().detail).toMatch(
        /Statuspage export is not in the expected format/,
      )

      const notJson = await app.inject({
        method: 'POST',
        url: '/api/imports/pagerduty',
        headers: { ...org.auth, 'content-type': 'application/json' },
        payload: '{"file": ',
      })
      expect(notJson.statusCode).toBe(400)
      expect(notJson.headers['content-type']).toContain('application/problem+json')

      const notSqlite = await app.inject({
        method: 'POST',
        url: '/api/imports/uptime-kuma',
        headers: { ...org.auth, 'content-type': 'application/octet-stream' },
        payload: Buffer.from('hello'),
      })
      expect(notSqlite.statusCode).toBe(400)
      expect(notSqlite.json()).toMatchObject({ code: 'VALIDATION' })
    })

    it('reads a source API only at an address the webhook guard allows, and says when the key is refused', async () => {
      const server = await startSourceServer(() => ({ status: 401, body: { error: 'Unauthorized' } }))
      const guarded = await createTestApp(engine)
      const refused = await guarded.app.inject({
        method: 'POST',
        url: '/api/imports/statuspage',
        headers: guarded.org.auth,
        payload: { api: { key: 'k', page_id: 'p', url: `${server.url}/v1` } },
      })
      expect(refused.statusCode).toBe(400)
      expect(refused.json()).toMatchObject({ errors: [{ path: 'api.url' }] })
      expect(server.requests).toHaveLength(0)

      const allowed = await createTestApp(engine, { env: { WEBHOOK_ALLOWLIST: '127.0.0.1' } })
      const wrongKey = await allowed.app.inject({
        method: 'POST',
        url: '/api/imports/statuspage',
        headers: allowed.org.auth,
        payload: { api: { key: 'wrong', page_id: 'p', url: `${server.url}/v1` } },
      })
      expect(wrongKey.statusCode).toBe(400)
      expect(wrongKey.json().title ?? wrongKey.json().detail).toContain('refused (HTTP 401)')
    })
  })
})

import { PGlite } from '@electric-sql/pglite'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { createHttpApp } from '../../src/http/create-http-app.js'
import { createLogger } from '../../src/logger.js'
import { buildDeps } from '../../src/wiring/build-deps.js'
import { embeddedHandle, type DatabaseHandle } from '../../src/store/database.js'
import { migrate } from '../../src/store/migrate.js'
import { forEachDatabase, openTestDatabase, type Engine } from '../support/databases.js'

/** PGlite gets an instance of its own here: this test stops it, and the shared one must live on. */
async function databaseToStop(engine: Engine): Promise<{ database: DatabaseHandle; stop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const pglite = await PGlite.create()
    const database = embeddedHandle(pglite, { closeEngine: true })
    await migrate(database)
    return { database, stop: () => pglite.close() }
  }
  const database = await openTestDatabase('postgres')
  return { database, stop: () => database.pool!.end() }
}

forEachDatabase((engine) => {
  describe('status page with the database gone', () => {
    it('keeps answering 200 from the last snapshot after the database stops', async () => {
      const { database, stop } = await databaseToStop(engine)
      const config = loadConfig({ BASE_URL: 'http://status.test', LOG_LEVEL: 'silent' }, '/nonexistent')
      const deps = await buildDeps(database, config, createLogger('silent'), () => new Date('2026-11-20T09:00:00Z'))
      const app = await createHttpApp(deps)
      try {
        const org = await deps.store.organisations.create({ slug: `down-${engine}`, name: 'Down Inc' })
        const page = await deps.store
          .forOrg(org.id)
          .pages.create({ slug: `down-${engine}-${Date.now()}`, name: 'Down Inc', hostnames: [] })
        await deps.store.forOrg(org.id).components.create({ pageId: page.id, name: 'API' })
        const runtime = deps.statusPages
        await runtime.start()
        const before = await app.inject({ url: `/p/${page.slug}/` })
        expect(before.statusCode).toBe(200)

        await stop()
        expect((await app.inject({ url: '/healthz' })).statusCode).toBe(503)
        // A change notification and a full refresh both fail against the stopped database.
        runtime.cache.changed(page.id)
        await runtime.cache.refreshAll()
        await new Promise((r) => setTimeout(r, 50))

        for (const path of ['/', '/api/v2/summary.json', '/history']) {
          const after = await app.inject({ url: `/p/${page.slug}${path}`, headers: { 'cache-control': 'no-cache' } })
          expect(after.statusCode, path).toBe(200)
        }
        const after = await app.inject({ url: `/p/${page.slug}/` })
        expect(after.headers.etag).toBe(before.headers.etag)
        expect(after.body).toContain('<span class="name">API</span>')
      } finally {
        await app.close()
        await database.close().catch(() => undefined)
      }
    })
  })
})

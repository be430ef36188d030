import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Fastify from 'fastify'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { consoleBuildDir, consoleRoutesFrom } from '../../src/http/routes/console-routes.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

describe('console routes', () => {
  let t: TestApp
  let script = ''

  beforeAll(() => {
    // npm test builds first (pretest); a bare `vitest run` needs `npm run build` once.
    expect(existsSync(join(consoleBuildDir, 'index.html')), 'dist/web is missing: run npm run build').toBe(true)
    script = readdirSync(join(consoleBuildDir, 'assets')).find((name) => name.endsWith('.js'))!
  })

  beforeEach(async () => {
    t = await createTestApp('pglite')
  })
  const get = (url: string) => t.app.inject({ method: 'GET', url })

  it('serves index.html at /console/ uncached, under the strict CSP, naming its hashed bundle', async () => {
    const response = await get('/console/')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    const csp = String(response.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.body).toContain(`<script type="module" crossorigin src="/console/assets/${script}"></script>`)
    expect(response.body).not.toMatch(/<script>(?!<\/script>)/)
  })

  it("falls back to index.html for the app's own routes, so a reload keeps the screen", async () => {
    const index = (await get('/console/')).body
    for (const url of [
      '/console/incidents/3f1c1d1e-0000-4000-8000-000000000000',
      '/console/components',
      '/console/on-call?x=1',
    ]) {
      const response = await get(url)
      expect(response.statusCode, url).toBe(200)
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.body).toBe(index)
    }
  })

  it('redirects /console to /console/ (the bundle paths are absolute, the address should be canonical)', async () => {
    const response = await get('/console?next=1')
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe('/console/?next=1')
  })

  it('serves hashed assets with a year of immutable caching', async () => {
    const response = await get(`/console/assets/${script}`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('answers 404 problem+json for unknown asset paths, never the app as a script', async () => {
    for (const url of ['/console/assets/index-old.js', '/console/assets/nothing', '/console/missing.png']) {
      const response = await get(url)
      expect(response.statusCode, url).toBe(404)
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
  })

  it('says the console is not built (503) instead of failing when dist/web is missing', async () => {
    const app = Fastify()
    await consoleRoutesFrom('/nonexistent/candor-web/')(app, undefined as never)
    const response = await app.inject({ method: 'GET', url: '/console/incidents' })
    expect(response.statusCode).toBe(503)
    expect(response.json().title).toMatch(/npm run build/)
    await app.close()
  })
})

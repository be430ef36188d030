import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { configureRateLimits } from '../../src/http/accounts/security-plugin.js'
import { createHttpApp } from '../../src/http/create-http-app.js'
import { createTestApp } from '../support/test-app.js'

describe('status page on a real socket', () => {
  it('answers from the snapshot before the per-IP limits that guard the API', async () => {
    const t = await createTestApp('pglite')
    const slug = `fast-${t.org.id.slice(0, 8)}`
    const page = (
      await t.app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: t.org.auth,
        payload: { slug, name: 'Fast', hostnames: [`${slug}.example`] },
      })
    ).json()
    await t.app.inject({
      method: 'POST',
      url: '/api/components',
      headers: t.org.auth,
      payload: { page_id: page.id, name: 'API' },
    })
    await t.deps.statusPages.start()
    configureRateLimits(t.deps, { perIp: 3, perIpPublicReads: 3 })
    const app = await createHttpApp(t.deps)
    await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
      const statuses = []
      for (let i = 0; i < 20; i++) statuses.push((await fetch(`${base}/p/${slug}/api/v2/summary.json`)).status)
      expect(statuses.every((s) => s === 200)).toBe(true)
      const home = await fetch(`${base}/p/${slug}/`, { headers: { 'accept-encoding': 'br' } })
      expect(home.headers.get('content-encoding')).toBe('br')
      expect(home.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(home.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await home.text()).toContain('<span class="name">API</span>')
      // The rest of the app keeps its limits.
      const health = []
      for (let i = 0; i < 6; i++) health.push((await fetch(`${base}/healthz`)).status)
      expect(health).toContain(429)
    } finally {
      await app.close()
    }
  })
})

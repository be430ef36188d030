import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { configureSecurity } from '../../src/http/accounts/security-plugin.js'
import { createHttpApp } from '../../src/http/create-http-app.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { addPerson } from '../accounts/accounts-fixtures.js'

forEachDatabase((engine) => {
  describe('security headers', () => {
    it('sends a strict CSP, no framing and no sniffing on the API, and no HSTS over plain HTTP', async () => {
      const t = await createTestApp(engine)
      const response = await t.app.inject({ url: '/api/pages', headers: t.org.auth })
      const csp = String(response.headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(response.headers['x-frame-options']).toBe('DENY')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin')
      expect(response.headers['strict-transport-security']).toBeUndefined()
    })

    it('lets other sites embed the badge and the widget, and nothing else', async () => {
      const t = await createTestApp(engine)
      for (const url of ['/badge.svg', '/p/acme/badge.svg', '/widget.js', '/p/acme/widget.js']) {
        const response = await t.app.inject({ url })
        expect(String(response.headers['content-security-policy']), url).toContain('frame-ancestors *')
        expect(response.headers['x-frame-options'], url).toBeUndefined()
        expect(response.headers['cross-origin-resource-policy'], url).toBe('cross-origin')
      }
      const page = await t.app.inject({ url: '/auth/link?token=x' })
      expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
    })

    it('adds HSTS and a __Host- secure cookie when served over HTTPS', async () => {
      const t = await createTestApp(engine, { env: { BASE_URL: 'https://status.example.com' } })
      const person = await addPerson(t, t.org.id, 'viewer')
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: person.email, password: person.password },
      })
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      expect(response.cookies[0]).toMatchObject({
        name: '__Host-candor_session',
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
      })
    })
  })

  describe('limits', () => {
    it('refuses oversized bodies: 16 KiB on sign-in, 1 MiB on the API', async () => {
      const t = await createTestApp(engine)
      const signIn = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'a@example.com', password: 'x'.repeat(17 * 1024) },
      })
      expect(signIn.statusCode).toBe(413)
      const api = await t.app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: t.org.auth,
        payload: { slug: 'big', name: 'x'.repeat(1024 * 1024 + 10) },
      })
      expect(api.statusCode).toBe(413)
    })

    it('refuses text no database can store (NUL) and absurd nesting with 400, on any route', async () => {
      const t = await createTestApp(engine)
      const nul = await t.app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: t.org.auth,
        payload: { slug: 'ok', name: 'bad\u0000name' },
      })
      expect(nul.statusCode).toBe(400)
      expect(nul.json().errors).toEqual([{ path: 'name', message: 'must not contain the NUL character' }])
      const nested = await t.app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: t.org.auth,
        payload: { slug: 'ok', branding: { colours: ['#fff', 'x\u0000'] } },
      })
      expect(nested.json().errors).toEqual([
        { path: 'branding.colours.1', message: 'must not contain the NUL character' },
      ])
      const key = await t.app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: t.org.auth,
        payload: { slug: 'ok', 'na\u0000me': 'x' },
      })
      expect(key.json().errors).toEqual([{ path: '(body)', message: 'a key must not contain the NUL character' }])
      const query = await t.app.inject({ url: '/api/incidents?status=%00', headers: t.org.auth })
      expect(query.json().errors).toEqual([{ path: 'query.status', message: 'must not contain the NUL character' }])
      const deep = JSON.stringify({ name: 'x', branding: JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`) })
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/pages',
            headers: { ...t.org.auth, 'content-type': 'application/json' },
            payload: deep,
          })
        ).statusCode,
      ).toBe(400)
      expect(query.statusCode).toBe(400)
    })

    it('limits requests per token and per IP address', async () => {
      const t = await createTestApp(engine)
      configureSecurity(t.deps, { rateLimits: { perCredential: 5, perIp: 8 } })
      const app = await createHttpApp(t.deps)
      try {
        const token = await t.org.tokenFor('viewer')
        const codes = []
        for (let i = 0; i < 6; i++)
          codes.push(
            (await app.inject({ url: '/api/pages', headers: token, remoteAddress: `198.51.100.${i}` })).statusCode,
          )
        expect(codes).toEqual([200, 200, 200, 200, 200, 429])
        const limited = await app.inject({ url: '/api/pages', headers: token, remoteAddress: '198.51.100.99' })
        expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' })
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
        const fromOneIp = []
        for (let i = 0; i < 9; i++)
          fromOneIp.push(
            (
              await app.inject({
                url: '/api/pages',
                headers: await t.org.tokenFor('viewer'),
                remoteAddress: '192.0.2.1',
              })
            ).statusCode,
          )
        expect(fromOneIp.filter((c) => c === 429)).toHaveLength(1)
      } finally {
        await app.close()
      }
    })
  })
})

describe('slow clients', () => {
  it('cuts off a client that trickles its headers (slow loris), with the 10 s default', async () => {
    const t = await createTestApp('pglite')
    expect(t.app.server.headersTimeout).toBe(10_000)
    configureSecurity(t.deps, { headersTimeoutMs: 1_500 })
    const app = await createHttpApp(t.deps)
    await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const port = (app.server.address() as { port: number }).port
      const started = Date.now()
      const outcome = await new Promise<{ firstLine: string; ms: number }>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'))
        const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 200)
        let firstLine = ''
        socket.on('data', (chunk) => (firstLine ||= String(chunk).split('\r\n')[0]!))
        socket.on('close', () => {
          clearInterval(drip)
          resolve({ firstLine, ms: Date.now() - started })
        })
      })
      // The drip never ends: only the server's own header timeout can have closed the connection.
      expect(outcome.firstLine).toBe('HTTP/1.1 408 Request Timeout')
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })
})

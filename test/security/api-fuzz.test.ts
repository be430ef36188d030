import { connect } from 'node:net'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { configureSecurity } from '../../src/http/accounts/security-plugin.js'
import { createHttpApp } from '../../src/http/create-http-app.js'
import { addPerson, signIn } from '../accounts/accounts-fixtures.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { isLiveStream, loadRoutes, tenantRows, uuidsIn } from './api-routes.js'
import { type FuzzRequest, requestArbitrary } from './fuzz-arbitraries.js'
import { populateTenant } from './populate-tenant.js'

const injected = Number(process.env.FUZZ_RUNS ?? 2_500)
const overTheWire = 1_000
const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

/** One raw HTTP exchange on a fresh connection: the status code, or null if the server just closed. */
function rawExchange(
  port: number,
  bytes: string,
  options: { halfClose: boolean } = { halfClose: true },
): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () =>
      options.halfClose ? socket.end(bytes, 'latin1') : socket.write(bytes, 'latin1'),
    )
    let head = ''
    const done = () => {
      socket.destroy()
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
      resolve(match ? Number(match[1]) : null)
    }
    socket.setTimeout(3_000, done)
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1')
      if (head.includes('\r\n')) done()
    })
    socket.on('error', done)
    socket.on('close', done)
  })
}

const rawRequest = fc.oneof(
  fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'TRACE', 'CONNECT', 'BREW', 'G\u00c9T', ''),
      path: fc.oneof(
        fc.constantFrom(
          '/api/pages',
          '/api/incidents',
          '/healthz',
          '/api/auth/sign-in',
          '/p/x/',
          '*',
          'http://evil.example/',
          '/api/%zz',
        ),
        fc.webPath(),
      ),
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', ''),
      headers: fc.array(fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 60 })), { maxLength: 5 }),
      body: fc.string({ maxLength: 200 }),
      length: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 500 }), fc.constant('abc')),
      chunked: fc.boolean(),
    })
    .map((r) => {
      const lines = [
        `${r.method} ${r.path} ${r.version}`,
        'Host: 127.0.0.1',
        ...r.headers.map(([k, v]) => `${k}: ${v}`),
      ]
      if (r.length !== null) lines.push(`Content-Length: ${r.length}`)
      if (r.chunked) lines.push('Transfer-Encoding: chunked')
      return `${lines.join('\r\n')}\r\n\r\n${r.body}`
    }),
  fc.string({ maxLength: 400 }),
  fc.constant(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
)

forEachDatabase((engine) => {
  describe('fuzzing the whole API', () => {
    it(`answers ${injected + overTheWire} generated requests without a single 5xx, and stays up`, async () => {
      const t = await createTestApp(engine)
      const a = await populateTenant(t, t.org, 'fz')
      const other = await t.createOrg()
      await populateTenant(t, other, 'fy')
      const admin = await addPerson(t, t.org.id, 'admin')
      const session = await signIn(t, admin.email)
      const callers: Record<string, string>[] = [
        t.org.auth,
        await t.org.tokenFor('admin'),
        await t.org.tokenFor('responder'),
        await t.org.tokenFor('communicator'),
        await t.org.tokenFor('viewer'),
        other.auth,
        session.unsafe,
        session.headers,
        { authorization: 'Bearer cnd_not-a-real-token' },
        { authorization: 'Bearer' },
        { cookie: 'candor_session=forged' },
        {},
      ]
      const callerTokens = new Set(
        callers.flatMap(
          (c) =>
            Object.values(c)
              .join(' ')
              .match(/[0-9a-f-]{36}/g) ?? [],
        ),
      )
      const ids = [
        ...uuidsIn(await tenantRows(t.database, t.org.id)),
        ...uuidsIn(await tenantRows(t.database, other.id)),
      ].filter((id) => !callerTokens.has(id))
      // Generous limits: the point is to reach the handlers, not the limiter (whose 429s are tested elsewhere).
      configureSecurity(t.deps, {
        rateLimits: { perIp: 1_000_000, perIpPublicReads: 1_000_000, perCredential: 1_000_000 },
        headersTimeoutMs: 2_000,
      })
      const app = await createHttpApp(t.deps)
      cleanup.push(() => app.close())
      const runtime = t.deps.statusPages
      await runtime.start()
      cleanup.push(async () => runtime.stop())
      // What startCandor sets once its services run: /readyz answers 503 until then, by design.
      t.deps.operations.readiness.servicesStarted = true

      const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: object }> } }>>
      }
      const bodySchemas = new Map<string, object>()
      for (const [template, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const schema = op.requestBody?.content?.['application/json']?.schema
          if (schema) bodySchemas.set(`${method.toUpperCase()} ${template}`, schema)
        }
      }
      // Live streams (server-sent events) never end by design: the status page and console suites test them.
      const routes = (await loadRoutes(app)).filter((r) => !isLiveStream(r.template))
      const statuses = new Map<number, number>()
      const failures: string[] = []
      const arbitrary = requestArbitrary({ routes, bodySchemas, ids, callers })
      await fc.assert(
        fc.asyncProperty(arbitrary, async (request: FuzzRequest) => {
          if (isLiveStream(request.url)) return true
          const started = performance.now()
          const response = await Promise.race([
            app.inject(request),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error(`no answer in 20 s: ${request.method} ${request.url}`)), 20_000),
            ),
          ])
          const ms = performance.now() - started
          if (process.env.FUZZ_SLOW && ms > 300)
            console.log('SLOW', Math.round(ms), request.method, request.url.slice(0, 150), response.statusCode)
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
          // Throwing (rather than returning false) puts the answer itself in the failure report.
          if (response.statusCode >= 500)
            throw new Error(
              `${request.method} ${request.url.slice(0, 200)} → ` +
                `${response.statusCode} ${response.payload.slice(0, 300)}`,
            )
          return true
        }),
        { numRuns: injected, endOnFailure: true },
      )

      await app.listen({ port: 0, host: '127.0.0.1' })
      const port = (app.server.address() as { port: number }).port
      const raw = fc.sample(rawRequest, overTheWire)
      for (let i = 0; i < raw.length; i += 25) {
        const codes = await Promise.all(raw.slice(i, i + 25).map((bytes) => rawExchange(port, bytes)))
        codes.forEach((code, j) => {
          if (code !== null) statuses.set(code, (statuses.get(code) ?? 0) + 1)
          if (code !== null && code >= 500) failures.push(`raw ${JSON.stringify(raw[i + j]!.slice(0, 120))} → ${code}`)
        })
      }

      expect(failures).toEqual([])
      const answered = [...statuses.values()].reduce((x, y) => x + y, 0)
      expect(answered).toBeGreaterThan(injected + overTheWire * 0.5)
      // The requests reached the handlers: successes, refusals and validation answers, not just one kind.
      for (const code of [200, 400, 401, 403, 404])
        expect(statuses.get(code) ?? 0, `answers with ${code}`).toBeGreaterThan(50)
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
      expect((await app.inject({ url: '/api/pages', headers: await t.org.tokenFor('viewer') })).statusCode).toBe(200)
      expect(
        await rawExchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { halfClose: false }),
      ).toBe(200)
      void a
    }, 900_000)
  })
})

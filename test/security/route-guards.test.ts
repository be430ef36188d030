import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { addPerson, signIn } from '../accounts/accounts-fixtures.js'
import { fill, isAuthenticatedApi, loadRoutes, objectFinder, tenantRows, uuidsIn } from './api-routes.js'
import { populateTenant } from './populate-tenant.js'

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** What any member may do for themselves, whatever their role. */
const selfService = new Set([
  'POST /api/auth/sign-out',
  'POST /api/auth/sign-out-everywhere',
  'PUT /api/session/organisation',
  'PUT /api/me/password',
  'DELETE /api/sessions/{id}',
  'POST /api/tokens',
  'DELETE /api/tokens/{id}',
])

/** Timestamps that reading alone moves (a token's last use, a session's last activity). */
function withoutTouches(rows: Record<string, unknown[]>) {
  return JSON.parse(
    JSON.stringify(rows, (key, value) => (key === 'last_used_at' || key === 'last_seen_at' ? undefined : value)),
  )
}

forEachDatabase((engine) => {
  describe('every API route checks who is asking', () => {
    it('answers 401 on every authenticated route without a credential, ' +
      'with a forged one, or with an ended session', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'admin')
      const ended = await signIn(t, person.email)
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: ended.unsafe })
      const routes = (await loadRoutes(t.app)).filter(isAuthenticatedApi)
      expect(routes.length).toBeGreaterThan(100)
      const wrong: string[] = []
      for (const route of routes) {
        const url = fill(
          route.template,
          Object.fromEntries(route.params.map((p) => [p.name, p.isId ? randomUUID() : (p.values?.[0] ?? 'x')])),
        )
        for (const headers of [
          {},
          { authorization: 'Bearer cnd_forgedforgedforgedforgedforgedforgedforged0' },
          { authorization: 'Basic YWRtaW46YWRtaW4=' },
          ended.unsafe,
        ]) {
          const response = await t.app.inject({
            method: route.method,
            url,
            headers,
            ...(unsafe.has(route.method) ? { payload: {} } : {}),
          })
          if (response.statusCode !== 401)
            wrong.push(`${route.method} ${url} ${JSON.stringify(headers).slice(0, 30)} → ${response.statusCode}`)
        }
      }
      expect(wrong).toEqual([])
    }, 300_000)

    it('lets a viewer change nothing: every changing route refuses, on the organisation’s real objects', async () => {
      const t = await createTestApp(engine)
      const data = await populateTenant(t, t.org, 'v')
      const routes = (await loadRoutes(t.app)).filter(isAuthenticatedApi)
      const viewer = await t.org.tokenFor('viewer')
      const before = withoutTouches(await tenantRows(t.database, t.org.id))
      const finder = objectFinder(t.app, routes, t.org.auth, [...uuidsIn(before)])
      const allowed: string[] = []
      let tried = 0
      for (const route of routes.filter((r) => unsafe.has(r.method) && !selfService.has(`${r.method} ${r.template}`))) {
        const assignments = route.params.some((p) => p.isId) ? (await finder.assignmentsFor(route)).slice(0, 3) : [{}]
        const body =
          route.method === 'DELETE' ? undefined : (data.bodies.get(`${route.method} ${route.template}`) ?? {})
        for (const values of assignments) {
          tried++
          const url = fill(
            route.template,
            Object.fromEntries(route.params.map((p) => [p.name, values[p.name] ?? p.values?.[0] ?? 'x'])),
          )
          const response = await t.app.inject({
            method: route.method,
            url,
            headers: viewer,
            ...(body === undefined ? {} : { payload: body as object }),
          })
          if (response.statusCode < 400) allowed.push(`${route.method} ${url} → ${response.statusCode}`)
        }
      }
      expect(tried).toBeGreaterThan(60)
      expect(allowed).toEqual([])
      expect(withoutTouches(await tenantRows(t.database, t.org.id))).toEqual(before)
    }, 300_000)
  })
})

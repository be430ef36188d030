import { afterEach, describe, expect, it } from 'vitest'
import { configureSecurity } from '../../src/http/accounts/security-plugin.js'
import { createHttpApp } from '../../src/http/create-http-app.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { fill, isAuthenticatedApi, isLiveStream, loadRoutes, objectFinder, tenantRows, uuidsIn } from './api-routes.js'
import { populateTenant } from './populate-tenant.js'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn()
})

forEachDatabase((engine) => {
  describe('tenant isolation', () => {
    it('answers 404 to organisation A for every object of organisation B on every route of ' +
      'the API (or exactly what a made-up id gets), and changes nothing of B', async () => {
      const made = await createTestApp(engine)
      // The sweep asks thousands of questions with one credential: it must reach the handlers, not the limiter.
      configureSecurity(made.deps, {
        rateLimits: { perIp: 1_000_000, perIpPublicReads: 1_000_000, perCredential: 1_000_000 },
      })
      const t = { ...made, app: await createHttpApp(made.deps) }
      cleanup.push(() => t.app.close())
      const a = t.org
      const b = await t.createOrg()
      const aData = await populateTenant(t, a, 'a')
      const bData = await populateTenant(t, b, 'b')
      // Live streams are swept by their own suite (test/process/publish-reach-and-live): once allowed they never end.
      const routes = (await loadRoutes(t.app)).filter((r) => isAuthenticatedApi(r) && !isLiveStream(r.template))
      const bBefore = await tenantRows(t.database, b.id)
      const bIds = [...uuidsIn(bBefore)]
      const aIdsBefore = uuidsIn(await tenantRows(t.database, a.id))
      expect(bIds.length).toBeGreaterThan(30)

      const finder = objectFinder(t.app, routes, b.auth, bIds)

      const failures: string[] = []
      const uncovered: string[] = []
      let attempts = 0
      for (const route of routes.filter((r) => r.params.some((p) => p.isId))) {
        const assignments = await finder.assignmentsFor(route)
        if (assignments.length === 0) {
          uncovered.push(`${route.method} ${route.template}`)
          continue
        }
        attempts += assignments.length
        const body =
          route.method === 'GET' || route.method === 'DELETE'
            ? undefined
            : (bData.bodies.get(`${route.method} ${route.template}`) ??
              aData.bodies.get(`${route.method} ${route.template}`) ??
              {})
        for (const values of assignments) {
          const url = fill(route.template, values)
          const response = await t.app.inject({
            method: route.method,
            url,
            headers: a.auth,
            ...(body === undefined ? {} : { payload: body as object }),
          })
          if (response.statusCode === 404) continue
          // Not a 404: acceptable only if a made-up id gets exactly the same answer, so B's id tells A nothing:
          // a refusal before any lookup (validation), or a read that answers every unknown id alike.
          const control = await t.app.inject({
            method: route.method,
            url: fill(route.template, finder.madeUp(values)),
            headers: a.auth,
            ...(body === undefined ? {} : { payload: body as object }),
          })
          const alike =
            response.statusCode === control.statusCode &&
            (route.method !== 'GET' || response.payload === control.payload)
          const leaks = [...uuidsIn(response.payload)].some((id) => bIds.includes(id) && !url.includes(id))
          if (!alike || leaks || (route.method !== 'GET' && response.statusCode < 400)) {
            failures.push(
              `${route.method} ${url} → ${response.statusCode} (a made-up ` +
                `id: ${control.statusCode}) ${response.payload.slice(0, 200)}`,
            )
          }
        }
      }

      // Lists and filters: nothing of B shows up, even when A names B's ids in the query or the body.
      for (const route of routes.filter((r) => !r.params.some((p) => p.isId))) {
        const queries =
          route.method === 'GET'
            ? [
                '',
                ...route.query
                  .filter((q) => q.endsWith('_id'))
                  .flatMap((q) => bIds.slice(0, 40).map((id) => `?${q}=${id}`)),
              ]
            : ['']
        const body =
          route.method === 'GET' || route.method === 'DELETE'
            ? undefined
            : bData.bodies.get(`${route.method} ${route.template}`)
        if (route.method !== 'GET' && body === undefined) continue
        for (const query of queries) {
          const url =
            fill(route.template, Object.fromEntries(route.params.map((p) => [p.name, p.values?.[0] ?? 'x']))) + query
          const response = await t.app.inject({
            method: route.method,
            url,
            headers: a.auth,
            ...(body === undefined ? {} : { payload: body as object }),
          })
          const leaked = [...uuidsIn(response.payload)].filter(
            (id) => bIds.includes(id) && !url.includes(id) && !JSON.stringify(body ?? '').includes(id),
          )
          if (leaked.length > 0)
            failures.push(`${route.method} ${url} → ${response.statusCode} shows B's ${leaked.join(', ')}`)
        }
      }

      expect(uncovered, 'routes with no object of B to try: add one to populateTenant').toEqual([])
      expect(attempts).toBeGreaterThan(500)
      expect(failures).toEqual([])
      expect(await tenantRows(t.database, b.id)).toEqual(bBefore)
      const aNow = uuidsIn(await tenantRows(t.database, a.id))
      expect(
        [...aNow].filter((id) => bIds.includes(id) && !aIdsBefore.has(id)),
        'rows of A that point at objects of B',
      ).toEqual([])
    }, 300_000)
  })
})

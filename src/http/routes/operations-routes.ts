import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { sendProblem } from '../problem.js'
import type { RouteModule } from '../route-module.js'

const digest = (value: string) => createHash('sha256').update(value).digest()
const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/
const proxyHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip']

/**
 * Who may read /metrics. With METRICS_TOKEN: whoever presents it. Without: a client on this
 * machine (the socket's address, whatever TRUST_PROXY says) whose request did not pass through a
 * proxy, since a reverse proxy on the same machine would make every visitor look local.
 */
function metricsRefusal(request: FastifyRequest, token: string | undefined): string | null {
  if (token !== undefined) {
    const header = request.headers.authorization ?? ''
    const given = header.startsWith('Bearer ') ? header.slice(7) : ''
    return timingSafeEqual(digest(given), digest(token)) ? null : 'Send the METRICS_TOKEN as a bearer token'
  }
  if (!loopback.test(request.socket.remoteAddress ?? ''))
    return 'Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere'
  if (proxyHeaders.some((name) => request.headers[name] !== undefined))
    return 'Metrics are not served through a proxy; set METRICS_TOKEN to scrape through one'
  return null
}

/** Liveness, readiness and Prometheus metrics, next to /healthz (health-routes.ts), which stays as it was. */
export const operationsRoutes: RouteModule = (app, deps) => {
  const operations = deps.operations

  app.get(
    '/livez',
    { schema: { tags: ['Operations'], summary: 'Liveness: the process answers (no database call)' } },
    async () => ({ status: 'ok', uptime_seconds: Math.round(process.uptime()) }),
  )

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Readiness: database reachable, migrations applied, background services started',
      },
    },
    async (_request, reply) => {
      const reachable = await deps.database.ping()
      const pending = reachable ? await operations.pendingMigrations().catch(() => null) : null
      const { servicesStarted, stopping } = operations.readiness
      const ready = reachable && pending !== null && pending.length === 0 && servicesStarted && !stopping
      return reply.code(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not ready',
        checks: {
          database: { engine: deps.database.engine, reachable },
          migrations: pending === null ? { checked: false } : { checked: true, pending },
          services: { started: servicesStarted, stopping },
        },
      })
    },
  )

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Prometheus metrics (METRICS_TOKEN as a bearer token, or from this machine only)',
      },
    },
    async (request, reply) => {
      const refusal = metricsRefusal(request, operations.metricsToken)
      if (refusal)
        return sendProblem(reply, {
          status: operations.metricsToken === undefined ? 403 : 401,
          code: operations.metricsToken === undefined ? 'FORBIDDEN' : 'UNAUTHORIZED',
          title: refusal,
        })
      const text = await operations.registry.metrics()
      return reply.header('cache-control', 'no-store').type(operations.registry.contentType).send(text)
    },
  )
}

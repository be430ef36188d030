import swagger from '@fastify/swagger'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { AppError } from '../domain/app-error.js'
import { runOperation } from '../store/transaction-scope.js'
import { isInternalRequest, withChangeAudit } from './accounts/http-audit.js'
import { securityPlugin } from './accounts/security-plugin.js'
import { authenticate } from './authenticate.js'
import type { HttpDeps } from './http-deps.js'
import { handleError, sendProblem } from './problem.js'
import { authenticatedRoutes, publicRoutes } from './routes/index.js'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A hop count means "the nearest N proxies", which Fastify's types only take as a function. */
function trustProxyOption(value: HttpDeps['trustProxy']) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : (value ?? false)
}

/**
 * Builds the whole web app without listening, so tests drive it with `app.inject()`.
 * Route schemas document the API (OpenAPI); the use cases validate input themselves, so
 * the CLI and HTTP share one check and one error shape.
 */
export async function createHttpApp(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    // Per-request lines would drown the logs on a status page under load; errors are logged by handleError.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.bodyLimitBytes,
    trustProxy: trustProxyOption(deps.trustProxy),
    // Slow-loris: a client gets this long to send headers and body, and idle keep-alives are cut.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  })
  // Each route names the transactions it opens, so a stuck or refused one says which use case it was,
  // and a change owes its audit row to its own transaction.
  app.addHook('onRoute', (route) => {
    const handler = route.handler
    const name = `${[route.method].flat().join(',')} ${route.url}`
    route.handler = function named(this: FastifyInstance, request, reply) {
      return runOperation(name, () => withChangeAudit(request, () => handler.call(this, request, reply)))
    }
  })
  // Every answer is counted by route template; the app's own internal reads (an audit's "before") are not traffic.
  const metrics = deps.operations.http
  app.addHook('onResponse', (request, reply, done) => {
    if (!isInternalRequest(request))
      metrics.observe(
        request.routeOptions.url ?? 'unmatched',
        request.method,
        reply.statusCode,
        reply.elapsedTime / 1000,
      )
    done()
  })
  app.setValidatorCompiler(() => (data) => ({ value: data }))
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      status: 404,
      code: 'NOT_FOUND',
      title: `No route for ${request.method} ${request.url.split('?')[0]}`,
    }),
  )
  app.decorateRequest('ctx', null as never)

  await app.register(securityPlugin, { deps })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Candor API',
        version: '0.1.0',
        description: 'Incident communication: status pages, incidents, updates, on-call.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger())

  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      request.ctx = await authenticate(request, deps)
    })
    // A malformed id can name nothing: 404, like an id of another tenant, rather than a database error.
    scope.addHook('preValidation', async (request) => {
      for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, string>)) {
        if ((name === 'id' || name.endsWith('Id')) && !uuidPattern.test(value))
          throw new AppError('NOT_FOUND', 'No such object')
      }
    })
    for (const register of authenticatedRoutes) await register(scope, deps)
  })
  await app.register(async (scope) => {
    for (const register of publicRoutes) await register(scope, deps)
  })
  return app
}

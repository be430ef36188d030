import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { AppEvents, createHooks } from './app/context.js'
import { seedDemo } from './app/seed-demo.js'
import type { Config } from './config.js'
import { features, type BackgroundService } from './features.js'
import { bearerTokenAuthenticator, hashToken } from './http/authenticate.js'
import { createHttpApp } from './http/create-http-app.js'
import type { HttpDeps } from './http/http-deps.js'
import { createLogger, type Logger } from './logger.js'
import { openDatabase, type DatabaseHandle } from './store/database.js'
import { migrate } from './store/migrate.js'
import { createStore } from './store/store.js'

export interface RunningCandor {
  app: FastifyInstance
  deps: HttpDeps
  url: string
  close(): Promise<void>
}

/** Everything a running Candor needs, given an open database; tests build the same deps. */
export async function buildDeps(
  database: DatabaseHandle,
  config: Config,
  logger: Logger,
  clock: () => Date = () => new Date(),
): Promise<HttpDeps> {
  const store = createStore(database.db, { embedded: database.engine === 'pglite' })
  const secret =
    config.secret ?? (await store.instanceSettings.getOrCreate('secret', () => randomBytes(32).toString('base64url')))
  const deps: HttpDeps = {
    database,
    store,
    secret,
    events: new AppEvents(),
    hooks: createHooks(),
    logger,
    baseUrl: config.baseUrl,
    clock,
    authenticators: [bearerTokenAuthenticator],
    bodyLimitBytes: 1024 * 1024,
    trustProxy: config.trustProxy,
  }
  deps.events.setMaxListeners(0)
  for (const feature of features) await feature.setup?.(deps, config)
  return deps
}

/** First start only: the demo organisation, and the bootstrap token when one is configured. */
export async function seedIfEmpty(deps: HttpDeps, config: Config): Promise<void> {
  let orgId: string | undefined
  if ((await deps.store.organisations.count()) === 0) {
    const seeded = await seedDemo(deps, deps.clock())
    orgId = seeded.orgId
    deps.logger.info({ orgId }, 'seeded the demo organisation "Acme Cloud"')
  }
  if (config.bootstrapToken) {
    const hash = hashToken(config.bootstrapToken)
    if (!(await deps.store.tokens.findActiveByHash(hash, deps.clock()))) {
      orgId ??= (await deps.store.organisations.findBySlug('acme'))?.id
      if (orgId) await deps.store.tokens.create({ orgId, name: 'bootstrap token', tokenHash: hash, role: 'owner' })
    }
  }
}

/**
 * config → database → migrate → seed → features → background services (status snapshots,
 * workers) → listen: the first request already finds every page rendered.
 */
export async function startCandor(config: Config, options: { logger?: Logger } = {}): Promise<RunningCandor> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  let services: BackgroundService[] = []
  try {
    const result = await migrate(database, (name) => logger.info({ migration: name }, 'applied migration'))
    logger.debug({ applied: result.applied.length }, 'database schema is current')
    const deps = await buildDeps(database, config, logger)
    await seedIfEmpty(deps, config)
    const app = await createHttpApp(deps)
    services = features.flatMap((feature) => feature.services?.(deps, config) ?? [])
    for (const service of services) await service.start()
    await app.listen({ port: config.port, host: config.host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
    const url = `http://${shownHost}:${port}`
    return {
      app,
      deps,
      url,
      async close() {
        for (const service of [...services].reverse())
          await service.stop().catch((err) => logger.error({ err }, `stopping ${service.name}`))
        await app.close()
        await database.close()
      },
    }
  } catch (error) {
    for (const service of services) await service.stop().catch(() => undefined)
    await database.close()
    throw error
  }
}

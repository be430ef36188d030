import type { FastifyInstance } from 'fastify'
import type { BackgroundService } from '../app/background-service.js'
import { seedDemo } from '../app/seed-demo.js'
import type { Config } from '../config.js'
import { hashToken } from '../http/authenticate.js'
import { createHttpApp } from '../http/create-http-app.js'
import { createLogger, type Logger } from '../logger.js'
import { openDatabase } from '../store/database.js'
import { migrate } from '../store/migrate.js'
import { buildDeps } from './build-deps.js'
import { handleStopRequests } from './server-process.js'
import { backgroundServices, type RuntimeDeps } from './services.js'

export interface RunningCandor {
  app: FastifyInstance
  deps: RuntimeDeps
  services: BackgroundService[]
  url: string
  /** Stops everything within `deadlineMs`; whatever is still stuck then is named in the log and left behind. */
  close(deadlineMs?: number): Promise<void>
}

/** First start only: the demo organisation, and the bootstrap token when one is configured. */
export async function seedIfEmpty(deps: RuntimeDeps, config: Config): Promise<void> {
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

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())])

/**
 * config → database → migrate → deps → seed → background services (status snapshots, the
 * outbound pipeline, timers) → listen: the first request already finds every page rendered.
 */
export async function startCandor(
  config: Config,
  options: { logger?: Logger; clock?: () => Date } = {},
): Promise<RunningCandor> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const started: BackgroundService[] = []
  try {
    const result = await migrate(database, (name) => logger.info({ migration: name }, 'applied migration'))
    logger.debug({ applied: result.applied.length }, 'database schema is current')
    const deps = await buildDeps(database, config, logger, options.clock)
    deps.operations.collectProcessMetrics()
    await seedIfEmpty(deps, config)
    const app = await createHttpApp(deps)
    const services = backgroundServices(deps, config)
    for (const service of services) {
      await service.start()
      started.push(service)
    }
    deps.operations.readiness.servicesStarted = true
    await app.listen({ port: config.port, host: config.host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
    return {
      app,
      deps,
      services,
      url: `http://${shownHost}:${port}`,
      async close(deadlineMs = 8_000) {
        const stopAt = Date.now() + deadlineMs
        const left = () => Math.max(0, stopAt - Date.now())
        deps.operations.readiness.stopping = true
        // No new requests; requests in flight get a moment, then their connections are cut.
        const httpClosed = app.close()
        for (const service of [...started].reverse()) {
          const stopped = service.stop().catch((err) => logger.error({ err }, `stopping ${service.name}`))
          if (!(await within(stopped, left())))
            logger.error({ service: service.name }, 'did not stop in time; left behind')
        }
        if (!(await within(httpClosed, Math.min(2_000, left())))) {
          app.server.closeAllConnections()
          if (!(await within(httpClosed, left()))) logger.error('the web server did not close in time')
        }
        if (!(await within(database.close(), left()))) logger.error('the database did not close in time')
      },
    }
  } catch (error) {
    for (const service of started.reverse()) await service.stop().catch(() => undefined)
    await database.close()
    throw error
  }
}

/** Runs until SIGINT or SIGTERM, then stops within the deadline; whatever is left behind cannot keep the process up. */
export async function serveUntilSignal(running: RunningCandor, deadlineMs = 8_000): Promise<void> {
  await new Promise<void>((resolve) => {
    let isStopping = false
    const stop = (signal: string) => {
      if (isStopping) return
      isStopping = true
      running.deps.logger.info({ signal }, 'shutting down: finishing in-flight requests')
      running
        .close(deadlineMs)
        .then(() => console.log('Candor stopped.'))
        .catch((error) => console.error(`candor: error while stopping: ${(error as Error).message}`))
        .finally(resolve)
    }
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
    // Started by `candor serve`'s launcher (server-process.ts): a signal sent to it alone comes as a message.
    // Ctrl-C comes both ways and stops once; a second Ctrl-C (a second real SIGINT) still ends at once.
    handleStopRequests(stop)
  })
  // A socket to a relay that never answers must not keep the process alive after this.
  setTimeout(() => process.exit(process.exitCode ?? 0), 1_000).unref()
}

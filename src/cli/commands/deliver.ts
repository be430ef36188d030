import { parseArgs } from 'node:util'
import { ZodError } from 'zod'
import { loadConfig } from '../../config.js'
import { type DeliverySettings, parseDeliverySettings } from '../../delivery/delivery-settings.js'
import { createLogger } from '../../logger.js'
import { buildDeps } from '../../wiring/build-deps.js'
import { createOutboundPipeline, deliverySettingsOf } from '../../wiring/outbound-pipeline.js'
import { openDatabase } from '../../store/database.js'
import { migrate } from '../../store/migrate.js'
import { CliError, type Command } from '../command.js'

const usage = 'candor deliver [--settings \'{"rateLimits":{"email":{"ratePerSecond":50,"burst":100}}}\']'

function settingsFrom(raw: string | undefined): DeliverySettings {
  try {
    return parseDeliverySettings(raw ? JSON.parse(raw) : {})
  } catch (error) {
    const detail =
      error instanceof ZodError
        ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : (error as Error).message
    throw new CliError(`--settings: ${detail}`, 2)
  }
}

/**
 * Only the outbox worker, no web server: a dedicated delivery node next to the app nodes
 * (PostgreSQL), or a tuned one (rate limits, retry schedule, worker sizes as JSON).
 */
export const deliverCommand: Command = {
  name: 'deliver',
  summary: 'Run only the outbound pipeline (every email, webhook, Slack message and page) until stopped',
  usage,
  async run(argv) {
    let values: { settings?: string }
    try {
      values = parseArgs({ args: argv, options: { settings: { type: 'string' } } }).values
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2)
    }
    const config = loadConfig()
    const settings = values.settings ? settingsFrom(values.settings) : deliverySettingsOf(config)
    const logger = createLogger(config.logLevel)
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    await migrate(database)
    const deps = await buildDeps(database, config, logger)
    const pipeline = createOutboundPipeline(deps, config, settings)
    await pipeline.start()
    console.log(`Candor delivery worker is running (in flight at most ${pipeline.worker.inFlightWindow} per channel)`)
    await new Promise<void>((resolve) => {
      const stop = () => {
        pipeline
          .stop()
          .then(() => database.close())
          .then(() => console.log('Candor delivery worker stopped.'))
          .finally(resolve)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  },
}

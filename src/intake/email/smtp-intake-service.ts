import type { AppDeps } from '../../app/context.js'
import { findIntegrationByKey } from '../../app/intake/find-integration.js'
import { ingestAlerts } from '../../app/intake/ingest-alerts.js'
import { settingsOf } from '../../app/intake/integration-config.js'
import type { BackgroundService } from '../../app/background-service.js'
import { startSmtpIntake, type SmtpIntake } from './smtp-intake.js'

export interface SmtpIntakeService extends BackgroundService {
  /** The port it listens on once started (useful with port 0). */
  port(): number | undefined
}

/** Mail to `<key>@<host>` for an email integration becomes an alert, stored like any other. */
export function smtpIntakeService(
  deps: AppDeps & { clock: () => Date },
  options: { port: number; host: string; maxMessageBytes?: number },
): SmtpIntakeService {
  let running: SmtpIntake | undefined
  const emailIntegration = async (key: string) => {
    const integration = await findIntegrationByKey(deps, key)
    return integration?.kind === 'email' ? integration : null
  }
  return {
    name: 'inbound SMTP alert intake',
    port: () => running?.port,
    async start() {
      running = await startSmtpIntake({
        port: options.port,
        host: options.host,
        ...(options.maxMessageBytes ? { maxMessageBytes: options.maxMessageBytes } : {}),
        now: deps.clock,
        findIntegration: async (key) => {
          const integration = await emailIntegration(key)
          return integration ? { settings: settingsOf(integration.config).email } : null
        },
        deliver: async ({ integrationKey, event, raw }) => {
          const integration = await emailIntegration(integrationKey)
          if (!integration) return
          await ingestAlerts(deps, integration, { events: [event], raw: [raw], receivedAt: deps.clock() })
        },
        onError: (error) => deps.logger.warn({ err: error }, 'inbound SMTP'),
      })
      deps.logger.info({ port: running.port }, 'inbound SMTP alert intake listening')
    },
    async stop() {
      await running?.close()
      running = undefined
    },
  }
}

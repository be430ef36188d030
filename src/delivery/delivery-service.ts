import type { Config } from '../config.js'
import type { BackgroundService } from '../features.js'
import type { HttpDeps } from '../http/http-deps.js'
import { subscriberLink } from '../app/subscribers/subscriber-links.js'
import { ChannelRegistry } from './channels/channel-registry.js'
import { createEmailChannel } from './channels/email-channel.js'
import { createHttpSender } from './channels/http-sender.js'
import { createSlackChannel } from './channels/slack-channel.js'
import { createWebhookChannel } from './channels/webhook-channel.js'
import { workerOptionsOf, type DeliverySettings } from './delivery-settings.js'
import { createFactsLoader } from './worker/load-facts.js'
import { createMessageComposer } from './worker/message-composer.js'
import { startDeliveryWorker, type DeliveryWorker } from './worker/delivery-worker.js'
import { storeOutbox } from './worker/store-outbox.js'
import { deliveryBatchSize } from '../store/deliveries-store.js'

export interface DeliveryServiceOptions {
  smtpUrl?: string
  webhookAllowlist: string[]
  settings: DeliverySettings
  /** Called with the worker's wake function once it runs, and with null when it stops. */
  onWorker?: (worker: DeliveryWorker | null) => void
}

export function deliveryOptionsFrom(
  config: Config,
  settings: DeliverySettings,
): Omit<DeliveryServiceOptions, 'onWorker'> {
  return {
    smtpUrl: config.smtpUrl,
    webhookAllowlist: [...config.webhookAllowlist, ...settings.webhookAllowlist],
    settings,
  }
}

/**
 * The outbox worker as a background service: channels from the configuration (email only
 * when SMTP_URL is set; queued mail waits for it), a worker per process, leases released
 * at start in embedded mode.
 */
export function createDeliveryService(
  deps: HttpDeps,
  options: DeliveryServiceOptions,
): BackgroundService & { worker(): DeliveryWorker | null } {
  let worker: DeliveryWorker | null = null
  let registry: ChannelRegistry | null = null
  const host = new URL(deps.baseUrl).hostname
  const fromAddress = options.settings.emailFrom ?? `status@${host.includes('.') ? host : `${host}.invalid`}`

  return {
    name: 'delivery',
    worker: () => worker,
    async start() {
      registry = new ChannelRegistry()
      const sender = createHttpSender({
        allowlist: options.webhookAllowlist,
        timeoutMs: options.settings.webhookTimeoutMs,
      })
      registry.register(createWebhookChannel({ sender })).register(createSlackChannel({ sender }))
      if (options.smtpUrl) {
        // TLS options (e.g. ?ignoreTLS=true for a plain local relay) ride on SMTP_URL's query string.
        registry.register(
          createEmailChannel({
            smtpUrl: options.smtpUrl,
            from: fromAddress,
            messageIdDomain: host,
            maxConnections: options.settings.smtpMaxConnections,
          }),
        )
      } else {
        deps.logger.warn('SMTP_URL is not set: email subscribers are queued but nothing is sent until it is')
      }
      const facts = createFactsLoader(deps.store.db, deps.baseUrl)
      const composer = createMessageComposer({
        loadUpdate: facts.loadUpdate,
        loadPage: facts.loadPage,
        unsubscribeUrl: (d) => subscriberLink(deps.baseUrl, deps.secret, 'unsubscribe', d.subscriberId),
        confirmUrl: (d) => subscriberLink(deps.baseUrl, deps.secret, 'confirm', d.subscriberId),
        fromFor: (page) => `"${page.name.replace(/["\\\r\n]/g, '')}" <${fromAddress}>`,
        confirmationValidHours: options.settings.confirmationTtlHours,
      })
      worker = startDeliveryWorker(
        {
          outbox: storeOutbox(deps.store.db, { isEmbedded: deps.database.engine === 'pglite', clock: deps.clock }),
          registry,
          composer,
          now: deps.clock,
          onDisabled: (subscriberId, reason) =>
            deps.logger.warn({ subscriberId, reason }, 'subscriber disabled after persistent delivery failures'),
          onError: (err) => deps.logger.error({ err }, 'delivery worker error'),
          batchSize: deliveryBatchSize,
        },
        workerOptionsOf(options.settings),
      )
      options.onWorker?.(worker)
      deps.logger.info({ channels: registry.kinds(), inFlightWindow: worker.inFlightWindow }, 'delivery worker started')
    },
    async stop() {
      options.onWorker?.(null)
      await worker?.stop()
      await registry?.closeAll()
      worker = null
    },
  }
}

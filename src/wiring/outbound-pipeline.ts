import type { AppDeps } from '../app/context.js'
import { subscriberLink } from '../app/subscribers/subscriber-links.js'
import type { Config } from '../config.js'
import { type DeliverySettings, parseDeliverySettings, workerOptionsOf } from '../delivery/delivery-settings.js'
import { createDeliveryWorker, type DeliveryWorker } from '../delivery/worker/delivery-worker.js'
import { createFactsLoader } from '../delivery/worker/load-facts.js'
import { createMessageComposer } from '../delivery/worker/message-composer.js'
import { createOtherMessages } from '../delivery/worker/other-messages.js'
import { storeOutbox } from '../delivery/worker/store-outbox.js'
import { deliveryBatchSize } from '../store/deliveries-store.js'
import type { DatabaseHandle } from '../store/database.js'
import { announcingOutbox } from './announcing-outbox.js'
import { type Channels, createChannels, mailHost } from './channels.js'

/** `delivery` in candor.config.json tunes everything; MAIL_FROM and SMTP_RATE_PER_SECOND cover the common cases. */
export function deliverySettingsOf(config: Config): DeliverySettings {
  const settings = parseDeliverySettings(config.delivery)
  const rate = config.smtpRatePerSecond
  return {
    ...settings,
    emailFrom: settings.emailFrom ?? config.mailFrom,
    rateLimits: rate
      ? { ...settings.rateLimits, email: { ratePerSecond: rate, burst: Math.max(1, Math.ceil(rate)) } }
      : settings.rateLimits,
  }
}

export interface OutboundPipeline {
  worker: DeliveryWorker
  channels: Channels
  start(): Promise<void>
  stop(): Promise<void>
}

/**
 * The one way out: the outbox worker over the one channel registry, composing every kind of
 * message (subscriber updates and confirmations, pages, notices, freeze webhooks, account mail).
 */
export function createOutboundPipeline(
  deps: AppDeps & { database: DatabaseHandle },
  config: Config,
  settings: DeliverySettings = deliverySettingsOf(config),
): OutboundPipeline {
  const channels = createChannels(config, settings)
  const host = mailHost(deps.baseUrl)
  const fromAddress = settings.emailFrom ?? `status@${host}`
  const facts = createFactsLoader(deps.store.db, deps.baseUrl)
  const composer = createMessageComposer({
    secret: deps.secret,
    loadUpdate: facts.loadUpdate,
    loadPage: facts.loadPage,
    unsubscribeUrl: (d) => subscriberLink(deps.baseUrl, deps.secret, 'unsubscribe', d.subscriberId ?? ''),
    confirmUrl: (d) => subscriberLink(deps.baseUrl, deps.secret, 'confirm', d.subscriberId ?? ''),
    fromFor: (page) => `"${page.name.replace(/["\\\r\n]/g, '')}" <${fromAddress}>`,
    confirmationValidHours: settings.confirmationTtlHours,
    other: createOtherMessages({
      secret: deps.secret,
      baseUrl: deps.baseUrl,
      now: deps.clock,
      from: {
        oncall: `"Candor on-call" <${config.mailFrom ?? `oncall@${host}`}>`,
        incidents: `"Candor incidents" <${config.mailFrom ?? `incidents@${host}`}>`,
        accounts: `"Candor" <${config.mailFrom ?? `no-reply@${host}`}>`,
      },
      loadPageNotification: facts.loadPageNotification,
      loadTemplates: facts.loadTemplates,
    }),
  })
  const worker = createDeliveryWorker(
    {
      outbox: announcingOutbox(
        storeOutbox(deps.store.db, deps.store.run, {
          isEmbedded: deps.database.engine === 'pglite',
          clock: deps.clock,
        }),
        ({ orgId, incidentId }) =>
          deps.events.emit('incident.changed', { orgId, incidentId, pageId: null, kind: 'delivery' }),
      ),
      registry: channels.registry,
      composer,
      logger: deps.logger,
      now: deps.clock,
      onDisabled: (subscriberId, reason) =>
        deps.logger.warn({ subscriberId, reason }, 'subscriber disabled after persistent delivery failures'),
      batchSize: deliveryBatchSize,
    },
    workerOptionsOf(settings),
  )
  return {
    worker,
    channels,
    async start() {
      if (!config.smtpUrl) deps.logger.warn('SMTP_URL is not set: email is queued but nothing is sent until it is')
      await worker.start()
      deps.logger.info(
        { channels: channels.registry.kinds(), inFlightWindow: worker.inFlightWindow },
        'outbound pipeline started',
      )
    },
    async stop() {
      await worker.stop()
      await channels.close()
    },
  }
}

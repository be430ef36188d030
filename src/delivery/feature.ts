import { enqueueOnUpdatePublished } from '../app/subscribers/enqueue-update-deliveries.js'
import { provideSubscriberSettings } from '../app/subscribers/subscriber-settings.js'
import type { Config } from '../config.js'
import type { Feature } from '../features.js'
import type { HttpDeps } from '../http/http-deps.js'
import { checkWebhookUrl, createAllowlist } from './channels/ssrf-guard.js'
import { createDeliveryService, deliveryOptionsFrom } from './delivery-service.js'
import { parseDeliverySettings } from './delivery-settings.js'
import type { DeliveryWorker } from './worker/delivery-worker.js'

const workers = new WeakMap<HttpDeps, DeliveryWorker>()

/** `delivery` in candor.config.json tunes everything; MAIL_FROM and SMTP_RATE_PER_SECOND cover the common cases from the environment. */
function settingsOf(config: Config) {
  const settings = parseDeliverySettings(config.delivery)
  return {
    ...settings,
    emailFrom: settings.emailFrom ?? config.mailFrom,
    rateLimits: config.smtpRatePerSecond
      ? {
          ...settings.rateLimits,
          email: { ratePerSecond: config.smtpRatePerSecond, burst: Math.max(1, Math.ceil(config.smtpRatePerSecond)) },
        }
      : settings.rateLimits,
  }
}

/** Wakes this process's worker (another node's worker finds the rows on its next poll). */
export function wakeDeliveryWorker(deps: HttpDeps): void {
  workers.get(deps)?.wake()
}

/**
 * Subscribers and durable delivery: the outbox hook on published updates, the settings the
 * subscriber use cases need, and the worker as a background service.
 */
export const deliveryFeature: Feature = {
  name: 'delivery',
  setup(deps, config) {
    const settings = settingsOf(config)
    const allowlist = createAllowlist(deliveryOptionsFrom(config, settings).webhookAllowlist)
    provideSubscriberSettings(deps, {
      confirmationTtlMs: settings.confirmationTtlHours * 60 * 60_000,
      checkWebhookUrl: (url) => checkWebhookUrl(url, allowlist),
      wakeWorkers: () => wakeDeliveryWorker(deps),
    })
    deps.hooks.incidentUpdatePublished.push(enqueueOnUpdatePublished)
    // Emitted after the publishing transaction commits, so the rows are visible to the worker.
    deps.events.on('incident.changed', () => wakeDeliveryWorker(deps))
  },
  services(deps, config) {
    const settings = settingsOf(config)
    return [
      createDeliveryService(deps, {
        ...deliveryOptionsFrom(config, settings),
        onWorker: (worker) => (worker ? workers.set(deps, worker) : workers.delete(deps)),
      }),
    ]
  },
}

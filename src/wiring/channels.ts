import type { Config } from '../config.js'
import { ChannelRegistry } from '../delivery/channels/channel-registry.js'
import { createEmailChannel } from '../delivery/channels/email-channel.js'
import { createHttpSender } from '../delivery/channels/http-sender.js'
import { createSlackChannel } from '../delivery/channels/slack-channel.js'
import { createWebhookChannel } from '../delivery/channels/webhook-channel.js'
import type { DeliverySettings } from '../delivery/delivery-settings.js'

export interface Channels {
  registry: ChannelRegistry
  /** Cuts every connection, in flight or idle: the worker has stopped. */
  close(): Promise<void>
}

/** The host part of From addresses and Message-IDs: an address needs a dot to be valid. */
export function mailHost(baseUrl: string): string {
  const host = new URL(baseUrl).hostname
  return host.includes('.') ? host : `${host}.invalid`
}

/**
 * The one channel registry, built once from the configuration: one SMTP pool for the relay
 * (SMTP_URL; without it email waits, queued), one HTTP agent for webhooks and Slack behind the
 * SSRF guard. Every kind of message goes through these; who speaks is the message's From.
 */
export function createChannels(config: Config, settings: DeliverySettings): Channels {
  const registry = new ChannelRegistry()
  const sender = createHttpSender({
    allowlist: [...config.webhookAllowlist, ...settings.webhookAllowlist],
    timeoutMs: settings.webhookTimeoutMs,
  })
  registry.register(createWebhookChannel({ sender })).register(createSlackChannel({ sender }))
  if (config.smtpUrl) {
    const host = mailHost(config.baseUrl)
    registry.register(
      createEmailChannel({
        smtpUrl: config.smtpUrl,
        from: `"Candor" <${settings.emailFrom ?? config.mailFrom ?? `status@${host}`}>`,
        messageIdDomain: host,
        maxConnections: settings.smtpMaxConnections,
        // TLS options (e.g. ?ignoreTLS=true for a plain local relay) ride on SMTP_URL's query string.
        ignoreTls: config.smtpUrl.startsWith('smtp://') && /^(127\.|localhost)/.test(new URL(config.smtpUrl).hostname),
      }),
    )
  }
  return { registry, close: async () => void (await Promise.allSettled([registry.closeAll(), sender.close()])) }
}

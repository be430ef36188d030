import type { Config } from '../../config.js'
import { ChannelRegistry } from '../../delivery/channels/channel-registry.js'
import { createEmailChannel } from '../../delivery/channels/email-channel.js'
import { createHttpSender } from '../../delivery/channels/http-sender.js'
import { createSlackChannel } from '../../delivery/channels/slack-channel.js'
import { createWebhookChannel } from '../../delivery/channels/webhook-channel.js'

/**
 * The delivery channels pages go out through: email when SMTP_URL is set, signed webhooks
 * and Slack-compatible hooks behind the SSRF guard. In-app needs no channel: the row is the
 * notification.
 */
export function createPagingChannels(config: Pick<Config, 'smtpUrl' | 'baseUrl' | 'webhookAllowlist'>): {
  channels: ChannelRegistry
  close(): Promise<void>
} {
  const registry = new ChannelRegistry()
  const host = new URL(config.baseUrl).hostname
  if (config.smtpUrl) {
    const isPlain = config.smtpUrl.startsWith('smtp://') && /^(127\.|localhost)/.test(new URL(config.smtpUrl).hostname)
    registry.register(
      createEmailChannel({
        smtpUrl: config.smtpUrl,
        from: `"Candor on-call" <oncall@${host}>`,
        messageIdDomain: host,
        maxConnections: 4,
        ignoreTls: isPlain,
      }),
    )
  }
  const sender = createHttpSender({ allowlist: config.webhookAllowlist, timeoutMs: 10_000, userAgent: 'Candor-Paging' })
  registry.register(createWebhookChannel({ sender }))
  registry.register(createSlackChannel({ sender }))
  return {
    channels: registry,
    close: async () => void (await Promise.allSettled([registry.closeAll(), sender.close()])),
  }
}

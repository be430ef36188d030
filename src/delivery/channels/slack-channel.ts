import { classifyHttpStatus } from '../../domain/delivery/delivery-failure.js'
import type { DeliveryChannel, SendResult } from './channel.js'
import { resultFromStatus, type HttpSender } from './http-sender.js'
import { idempotencyHeader } from './webhook-signature.js'

/**
 * Slack-compatible incoming webhooks (Slack, Mattermost, Rocket.Chat, Discord's /slack):
 * `{"text": …}`. Slack answers 404 or 410 when the hook or its channel is gone.
 */
export interface SlackChannelOptions {
  sender: HttpSender
}

const slackStatus = (status: number) => (status === 404 ? 'gone' : classifyHttpStatus(status))

export function createSlackChannel(options: SlackChannelOptions): DeliveryChannel {
  return {
    kind: 'slack',
    async send(message, sendOptions): Promise<SendResult> {
      const body = JSON.stringify({ text: message.text, unfurl_links: false, unfurl_media: false })
      const result = await options.sender.postJson(
        message.address,
        body,
        { [idempotencyHeader]: message.idempotencyKey },
        sendOptions?.signal,
      )
      return resultFromStatus(result, slackStatus)
    },
  }
}

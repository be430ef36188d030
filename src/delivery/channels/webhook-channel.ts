import type { DeliveryChannel, OutboundMessage, SendResult } from './channel.js'
import { resultFromStatus, type HttpSender } from './http-sender.js'
import { idempotencyHeader, signatureHeader, signPayload } from './webhook-signature.js'

/** Generic webhooks: the JSON event, signed with the subscriber's secret, keyed for de-duplication. */
export interface WebhookChannelOptions {
  sender: HttpSender
  /** Seconds since the epoch; injectable so tests can sign at a fixed time. */
  nowSeconds?: () => number
}

export function webhookBody(message: OutboundMessage): string {
  return JSON.stringify(message.payload ?? { id: message.idempotencyKey, subject: message.subject, text: message.text })
}

export function createWebhookChannel(options: WebhookChannelOptions): DeliveryChannel {
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000))
  return {
    kind: 'webhook',
    async send(message, sendOptions): Promise<SendResult> {
      if (!message.secret)
        return { ok: false, kind: 'permanent', reason: 'the webhook subscriber has no signing secret' }
      const body = webhookBody(message)
      const headers = {
        [signatureHeader]: signPayload(message.secret, body, nowSeconds()),
        [idempotencyHeader]: message.idempotencyKey,
      }
      return resultFromStatus(await options.sender.postJson(message.address, body, headers, sendOptions?.signal))
    },
  }
}

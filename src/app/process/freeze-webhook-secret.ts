import { createHmac } from 'node:crypto'

/** The key a marketing tool verifies freeze webhooks with; derived, so every app node agrees without storing it. */
export function freezeWebhookSecret(secret: string, orgId: string): string {
  return createHmac('sha256', secret).update(`freeze-webhook:${orgId}`).digest('base64url')
}

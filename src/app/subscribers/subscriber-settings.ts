/**
 * What the subscriber use cases need from delivery, handed in by the wiring (the app never
 * imports delivery): how long a confirmation link lives and how to vet a webhook URL.
 */
export interface SubscriberSettings {
  confirmationTtlMs: number
  /** A reason to refuse the URL (SSRF guard), or null. */
  checkWebhookUrl(url: string): Promise<string | null>
}

export const defaultSubscriberSettings: SubscriberSettings = {
  confirmationTtlMs: 48 * 60 * 60_000,
  checkWebhookUrl: async (url) => (/^https?:\/\//i.test(url) ? null : 'only http(s) URLs are allowed'),
}

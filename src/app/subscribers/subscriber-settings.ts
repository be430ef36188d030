import type { AppDeps } from '../context.js'

/**
 * What the subscriber use cases need from the delivery feature, handed in at wiring time
 * (the app never imports delivery): how long a confirmation link lives, how to vet a
 * webhook URL, and how to tell the workers there is work.
 */
export interface SubscriberSettings {
  confirmationTtlMs: number
  /** A reason to refuse the URL (SSRF guard), or null. */
  checkWebhookUrl(url: string): Promise<string | null>
  wakeWorkers(): void
}

const defaults: SubscriberSettings = {
  confirmationTtlMs: 48 * 60 * 60_000,
  checkWebhookUrl: async (url) => (/^https?:\/\//i.test(url) ? null : 'only http(s) URLs are allowed'),
  wakeWorkers: () => {},
}

const byDeps = new WeakMap<AppDeps, SubscriberSettings>()

export function provideSubscriberSettings(deps: AppDeps, settings: SubscriberSettings): void {
  byDeps.set(deps, settings)
}

export function subscriberSettings(deps: AppDeps): SubscriberSettings {
  return byDeps.get(deps) ?? defaults
}

import { isIP } from 'node:net'

/**
 * Which page a Host header names. The status page and its subscribe form share this rule, so
 * "Subscribe to updates" always reaches the page the reader was looking at.
 */
export function normaliseHost(host: string | undefined): string {
  if (!host) return ''
  return host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '')
}

/** BASE_URL's host answers like localhost: a fresh install shows its page before any custom domain is set. */
export function defaultHostsOf(baseUrl: string): string[] {
  return [normaliseHost(new URL(baseUrl).host)]
}

/** Hosts that show the oldest page when no page claims them; any other unclaimed name is 404. */
export function answersWithDefaultPage(name: string, defaultHosts: readonly string[]): boolean {
  return name === 'localhost' || isIP(name.replace(/^\[|\]$/g, '')) !== 0 || defaultHosts.includes(name)
}

import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { BlockList, isIP } from 'node:net'
import { blockedRange } from './address-ranges.js'

/**
 * The webhook SSRF guard. Hosts are resolved once, every address is checked, and the
 * connection is made to exactly those addresses (the lookup below is handed to the
 * socket), so DNS rebinding between check and connect is impossible.
 */
export class SsrfRefusedError extends Error {
  readonly code = 'ERR_CANDOR_SSRF'
  override name = 'SsrfRefusedError'
}

export interface Allowlist {
  allows(hostname: string, address: string): boolean
}

/** Entries are IP addresses, CIDR ranges ("10.1.0.0/16") or exact host names ("hooks.internal"). */
export function createAllowlist(entries: readonly string[]): Allowlist & { verdicts: Map<string, string | null> } {
  const addresses = new BlockList()
  const hosts = new Set<string>()
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase()
    const [net = '', prefix] = entry.split('/')
    const family = isIP(net)
    if (family === 0) {
      if (entry) hosts.add(entry.replace(/\.$/, ''))
      continue
    }
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) addresses.addAddress(net, type)
    else addresses.addSubnet(net, Number(prefix), type)
  }
  return {
    // The same few receivers come up 100,000 times in a fan-out: remember each verdict.
    verdicts: new Map<string, string | null>(),
    allows(hostname, address) {
      if (hosts.has(hostname.toLowerCase().replace(/\.$/, ''))) return true
      const family = isIP(address)
      return family !== 0 && addresses.check(address, family === 6 ? 'ipv6' : 'ipv4')
    },
  }
}

export function checkAddress(
  hostname: string,
  address: string,
  allowlist: Allowlist & { verdicts?: Map<string, string | null> },
): string | null {
  const key = `${hostname}\u0000${address}`
  const known = allowlist.verdicts?.get(key)
  if (known !== undefined) return known
  const range = blockedRange(address)
  const verdict =
    range === null || allowlist.allows(hostname, address)
      ? null
      : `${hostname} resolves to ${address}, a ${range} address; add it to WEBHOOK_ALLOWLIST to allow it`
  if (allowlist.verdicts) {
    if (allowlist.verdicts.size > 10_000) allowlist.verdicts.clear()
    allowlist.verdicts.set(key, verdict)
  }
  return verdict
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  )

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/** A `lookup` for net/tls.connect that refuses blocked addresses and pins the ones it checked. */
export function guardedLookup(allowlist: Allowlist, resolver: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    resolver(hostname).then(
      (found) => {
        const wanted = found.filter(
          (a) => !options.family || options.family === a.family || options.family === `IPv${a.family}`,
        )
        if (wanted.length === 0)
          return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), [])
        const refused = wanted
          .map((a) => checkAddress(hostname, a.address, allowlist))
          .find((reason) => reason !== null)
        if (refused) return callback(new SsrfRefusedError(refused), [])
        if (options.all) return callback(null, wanted)
        const first = wanted[0] as LookupAddress
        callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    )
  }
}

/**
 * Checks a webhook URL up front (on subscribe and before each send): scheme, literal IPs, and what the name resolves to
 * now.
 */
export async function checkWebhookUrl(
  raw: string,
  allowlist: Allowlist,
  resolver: Resolver = systemResolver,
): Promise<string | null> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'not a valid URL'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https webhook URLs are allowed'
  const hostname = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(hostname)) return checkAddress(hostname, hostname, allowlist)
  try {
    const found = await resolver(hostname)
    return found.map((a) => checkAddress(hostname, a.address, allowlist)).find((reason) => reason !== null) ?? null
  } catch (error) {
    return `${hostname} cannot be resolved (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
  }
}

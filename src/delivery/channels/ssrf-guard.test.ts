import { describe, expect, it } from 'vitest'
import { blockedRange, embeddedIpv4 } from './address-ranges.js'
import { checkWebhookUrl, createAllowlist, guardedLookup, SsrfRefusedError, type Resolver } from './ssrf-guard.js'

const none = createAllowlist([])
const dns =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const found = table[hostname]
    if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }

describe('address ranges', () => {
  it('refuses loopback, private, link-local, CGNAT, metadata, unspecified and multicast addresses', () => {
    const cases: Record<string, string> = {
      '127.0.0.1': 'loopback',
      '127.8.9.10': 'loopback',
      '::1': 'loopback',
      '10.1.2.3': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.1.1': 'private',
      'fd12:3456::1': 'unique-local (private)',
      '169.254.1.1': 'link-local',
      'fe80::1': 'link-local',
      '100.64.0.1': 'carrier-grade NAT',
      '169.254.169.254': 'metadata',
      'fd00:ec2::254': 'metadata',
      '0.0.0.0': 'unspecified',
      '::': 'unspecified',
      '224.0.0.1': 'multicast',
      'ff02::1': 'multicast',
      '255.255.255.255': 'reserved',
    }
    for (const [address, label] of Object.entries(cases)) expect(blockedRange(address), address).toBe(label)
  })

  it('lets ordinary public addresses through', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700::1111',
      '2a00:1450:4001::200e',
    ]) {
      expect(blockedRange(address), address).toBeNull()
    }
  })

  it('sees through IPv4 hidden inside IPv6', () => {
    expect(embeddedIpv4('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(embeddedIpv4('::ffff:7f00:1')).toBe('127.0.0.1')
    expect(embeddedIpv4('64:ff9b::a9fe:a9fe')).toBe('169.254.169.254')
    expect(blockedRange('::ffff:169.254.169.254')).toBe('metadata')
    expect(blockedRange('::ffff:10.0.0.1')).toBe('private')
    expect(blockedRange('::127.0.0.1')).toBe('loopback')
    expect(blockedRange('64:ff9b::808:808')).toBeNull()
  })
})

describe('allowlist', () => {
  it('allows listed addresses, ranges and host names only', () => {
    const allowlist = createAllowlist(['127.0.0.1', '10.20.0.0/16', 'Hooks.Internal.', 'fd00::/8'])
    expect(allowlist.allows('x', '127.0.0.1')).toBe(true)
    expect(allowlist.allows('x', '127.0.0.2')).toBe(false)
    expect(allowlist.allows('x', '10.20.5.5')).toBe(true)
    expect(allowlist.allows('x', '10.21.0.1')).toBe(false)
    expect(allowlist.allows('hooks.internal', '192.168.0.9')).toBe(true)
    expect(allowlist.allows('x', 'fd00::5')).toBe(true)
  })
})

describe('webhook URL check', () => {
  it('refuses a literal private address and a name that resolves to one', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', none)).toContain('loopback')
    expect(await checkWebhookUrl('http://[::ffff:169.254.169.254]/latest', none)).toContain('metadata')
    expect(
      await checkWebhookUrl('https://rebind.test/hook', none, dns({ 'rebind.test': ['93.184.216.34', '10.0.0.5'] })),
    ).toContain('private')
  })

  it('accepts a public host, and a private one that is allowlisted', async () => {
    expect(
      await checkWebhookUrl('https://hooks.example/x', none, dns({ 'hooks.example': ['93.184.216.34'] })),
    ).toBeNull()
    expect(await checkWebhookUrl('http://127.0.0.1:9/x', createAllowlist(['127.0.0.1']))).toBeNull()
  })

  it('refuses other schemes and unresolvable hosts', async () => {
    expect(await checkWebhookUrl('file:///etc/passwd', none)).toBe('only http and https webhook URLs are allowed')
    expect(await checkWebhookUrl('gopher://x', none)).toBe('only http and https webhook URLs are allowed')
    expect(await checkWebhookUrl('https://nowhere.test/', none, dns({}))).toContain('cannot be resolved')
  })
})

describe('guarded lookup', () => {
  const lookupOnce = (lookup: ReturnType<typeof guardedLookup>, host: string, all: boolean) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      lookup(host, { all }, (error, address) => resolve({ error, address })),
    )

  it('hands the socket exactly the addresses it checked', async () => {
    const lookup = guardedLookup(none, dns({ 'hooks.example': ['93.184.216.34'] }))
    expect(await lookupOnce(lookup, 'hooks.example', true)).toEqual({
      error: null,
      address: [{ address: '93.184.216.34', family: 4 }],
    })
    expect(await lookupOnce(lookup, 'hooks.example', false)).toEqual({ error: null, address: '93.184.216.34' })
  })

  it('fails the connection when any address is refused', async () => {
    const lookup = guardedLookup(none, dns({ 'evil.example': ['93.184.216.34', '127.0.0.1'] }))
    const { error } = await lookupOnce(lookup, 'evil.example', true)
    expect(error).toBeInstanceOf(SsrfRefusedError)
    expect(error?.message).toContain('evil.example resolves to 127.0.0.1, a loopback address')
  })
})

import { BlockList, isIP } from 'node:net'

/**
 * Addresses a webhook must never reach unless an operator allows them: the host itself,
 * the private network, cloud metadata services. IPv4 inside IPv6 (mapped, NAT64, the
 * old compatible form) is unwrapped and judged as IPv4.
 */
const ranges: ReadonlyArray<readonly [label: string, net: string, prefix: number]> = [
  ['metadata', '169.254.169.254', 32],
  ['metadata', 'fd00:ec2::254', 128],
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['carrier-grade NAT', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['reserved', '192.0.0.0', 24],
  ['documentation', '192.0.2.0', 24],
  ['private', '192.168.0.0', 16],
  ['benchmarking', '198.18.0.0', 15],
  ['documentation', '198.51.100.0', 24],
  ['documentation', '203.0.113.0', 24],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['discard', '100::', 64],
  ['documentation', '2001:db8::', 32],
  ['unique-local (private)', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['site-local', 'fec0::', 10],
  ['multicast', 'ff00::', 8],
]

const lists = ranges.map(([label, net, prefix]) => {
  const list = new BlockList()
  list.addSubnet(net, prefix, isIP(net) === 6 ? 'ipv6' : 'ipv4')
  return { label, list, type: isIP(net) === 6 ? ('ipv6' as const) : ('ipv4' as const) }
})

function hextets(address: string): number[] | null {
  let normalized: string
  try {
    normalized = new URL(`http://[${address}]`).hostname.slice(1, -1)
  } catch {
    return null
  }
  const [head = '', tail] = normalized.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const last = right.at(-1) ?? left.at(-1) ?? ''
  if (last.includes('.')) return null
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...zeros, ...right].map((h) => parseInt(h, 16))
}

/** The IPv4 address an IPv6 one carries (::ffff:a.b.c.d, 64:ff9b::a.b.c.d, ::a.b.c.d), if any. */
export function embeddedIpv4(address: string): string | null {
  if (isIP(address) !== 6) return null
  const h = hextets(address)
  if (!h) return null
  const isMapped = h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff
  const isNat64 = h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0)
  const isCompatible = h.slice(0, 6).every((x) => x === 0) && ((h[6] ?? 0) !== 0 || (h[7] ?? 0) > 1)
  if (!isMapped && !isNat64 && !isCompatible) return null
  const [a = 0, b = 0] = h.slice(6)
  return [a >> 8, a & 255, b >> 8, b & 255].join('.')
}

/** Why an address is refused ("loopback", "metadata", …), or null when it is an ordinary public one. */
export function blockedRange(address: string): string | null {
  const family = isIP(address)
  if (family === 0) return 'not an IP address'
  const v4 = embeddedIpv4(address)
  if (v4) return blockedRange(v4)
  const type = family === 6 ? 'ipv6' : 'ipv4'
  return lists.find((entry) => entry.type === type && entry.list.check(address, type))?.label ?? null
}

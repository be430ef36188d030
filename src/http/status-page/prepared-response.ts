import type { SnapshotEntry } from '../../status-page/snapshot.js'

/** Everything a response needs, computed once per snapshot so a request only picks and writes. */
export interface PreparedVariant {
  body: Buffer
  etag: string
  headers: Record<string, string>
  /** The same minus the body's own headers, for a 304. */
  notModifiedHeaders: Record<string, string>
}

export interface PreparedEntry {
  identity: PreparedVariant
  gzip: PreparedVariant | null
  br: PreparedVariant | null
  /** Every ETag that names this content, in any encoding: any of them earns a 304. */
  etags: ReadonlySet<string>
}

const htmlSecurity = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'referrer-policy': 'strict-origin-when-cross-origin',
}

/** Readers refresh hard during an outage: a short max-age, then stale copies while a CDN or browser revalidates. */
export function cacheControlFor(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=300, stale-while-revalidate=86400'
  return 'public, max-age=10, stale-while-revalidate=60, stale-if-error=86400'
}

/** Other sites read the JSON API, the badge and the widget script (Statuspage's public API allows any origin too). */
function isCrossOrigin(path: string): boolean {
  return path.startsWith('/api/v2/') || path === '/badge.svg' || path === '/widget.js'
}

export function prepareEntry(path: string, entry: SnapshotEntry): PreparedEntry {
  const base: Record<string, string> = {
    'content-type': entry.contentType,
    'cache-control': cacheControlFor(path),
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    ...(entry.contentType.startsWith('text/html') ? htmlSecurity : {}),
    ...(isCrossOrigin(path) ? { 'access-control-allow-origin': '*' } : {}),
  }
  const variant = (body: Buffer, etag: string, encoding?: string): PreparedVariant => {
    const { 'content-type': _, ...rest } = base
    return {
      body,
      etag,
      headers: {
        ...base,
        etag,
        'content-length': String(body.length),
        ...(encoding ? { 'content-encoding': encoding } : {}),
      },
      notModifiedHeaders: { ...rest, etag },
    }
  }
  const tag = (suffix: string) => `${entry.etag.slice(0, -1)}-${suffix}"`
  // A compressed copy that is not smaller (tiny files) is never worth sending.
  const gzip = entry.gzip.length < entry.body.length ? variant(entry.gzip, tag('gz'), 'gzip') : null
  const br = entry.br.length < entry.body.length ? variant(entry.br, tag('br'), 'br') : null
  const identity = variant(entry.body, entry.etag)
  return { identity, gzip, br, etags: new Set([identity.etag, ...(gzip ? [gzip.etag] : []), ...(br ? [br.etag] : [])]) }
}

export interface Accepted {
  br: boolean
  gzip: boolean
}
const none: Accepted = { br: false, gzip: false }
const acceptedCache = new Map<string, Accepted>()

/** Which encodings the client accepts (RFC 9110 §12.5.3, q-values honoured); parsed once per distinct header. */
export function acceptedEncodings(acceptEncoding: string | undefined): Accepted {
  if (!acceptEncoding) return none
  const cached = acceptedCache.get(acceptEncoding)
  if (cached) return cached
  const q: Record<string, number> = {}
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (name) q[name] = weight ? Number(weight.slice(2)) || 0 : 1
  }
  const accepts = (name: string) => (q[name] ?? q['*'] ?? 0) > 0
  const result = { br: accepts('br'), gzip: accepts('gzip') }
  if (acceptedCache.size > 500) acceptedCache.clear()
  acceptedCache.set(acceptEncoding, result)
  return result
}

export function chooseVariant(entry: PreparedEntry, acceptEncoding: string | undefined): PreparedVariant {
  const accepted = acceptedEncodings(acceptEncoding)
  return (accepted.br && entry.br) || (accepted.gzip && entry.gzip) || entry.identity
}

/** If-None-Match uses the weak comparison: W/ prefixes are ignored. */
export function isNotModified(entry: PreparedEntry, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((tag) => entry.etags.has(tag.trim().replace(/^W\//, '')))
}

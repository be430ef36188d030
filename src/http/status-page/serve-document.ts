import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import { livePath } from '../../status-page/html/links.js'
import { chooseVariant, isNotModified, type PreparedEntry } from './prepared-response.js'
import type { ServedPage, StatusSnapshotCache } from './snapshot-cache.js'

export interface ResolvedDocument {
  page: ServedPage
  /** The path inside the page ('/', '/history', '/api/live', …). */
  path: string
  /** The snapshot entry; null for the live stream. */
  entry: PreparedEntry | null
}

/** The snapshot key of a path and query: ?page=N counts on the history only; any other query is ignored. */
export function snapshotKey(path: string, search: string): string {
  if (path === '/history' && search) {
    const page = new URLSearchParams(search).get('page')
    if (page && /^\d{1,4}$/.test(page) && Number(page) > 1) return `/history?page=${Number(page)}`
  }
  return path === '' ? '/' : path
}

/**
 * Which page and document a request names: under /p/:slug/ or at the root of a page's own
 * host. Null when it names none (the request then belongs to the rest of the app).
 */
export function resolveDocument(
  cache: StatusSnapshotCache,
  host: string | undefined,
  url: string,
): ResolvedDocument | null {
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  const search = q === -1 ? '' : url.slice(q + 1)
  let page: ServedPage | undefined
  let sub = path
  if (path.startsWith('/p/')) {
    const slash = path.indexOf('/', 3)
    if (slash === -1) return null
    let slug: string
    try {
      slug = decodeURIComponent(path.slice(3, slash))
    } catch {
      return null
    }
    page = cache.pageBySlug(slug)
    sub = path.slice(slash)
  }
  // A page's own host serves it at the root; /p/:slug/ works on every host.
  if (!page && sub === path) page = cache.pageByHost(host)
  if (!page) return null
  if (sub === livePath) return { page, path: sub, entry: null }
  const entry = page.entries.get(snapshotKey(sub, search))
  return entry ? { page, path: sub, entry } : null
}

/** Writes one snapshot document: 304 when the client has it, else the best encoding it accepts. */
export function writeDocument(
  entry: PreparedEntry,
  method: string | undefined,
  headers: IncomingHttpHeaders,
  res: ServerResponse,
): void {
  const variant = chooseVariant(entry, headers['accept-encoding'])
  if (isNotModified(entry, headers['if-none-match'])) {
    res.writeHead(304, variant.notModifiedHeaders)
    res.end()
    return
  }
  res.writeHead(200, variant.headers)
  res.end(method === 'HEAD' ? undefined : variant.body)
}

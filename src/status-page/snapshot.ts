import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { RenderMode } from './html/links.js'
import { renderDocuments } from './render-documents.js'
import type { StatusPageView } from './view-model.js'

/** One document, ready to send as-is: identity, gzip and brotli bytes, and a strong ETag of the identity bytes. */
export interface SnapshotEntry {
  body: Buffer
  contentType: string
  etag: string
  gzip: Buffer
  br: Buffer
}

export type Snapshot = Map<string, SnapshotEntry>

export interface SnapshotOptions {
  mode?: RenderMode
  /** The snapshot this one replaces: unchanged documents reuse its compressed bytes. */
  previous?: Snapshot
}

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/**
 * Renders every document of a page once and precompresses it. Compression runs on the
 * libuv thread pool, so a rebuild during an outage does not stall the requests being served.
 */
export async function renderSnapshot(view: StatusPageView, options: SnapshotOptions = {}): Promise<Snapshot> {
  const documents = renderDocuments(view, options.mode ?? 'server')
  const entries = await Promise.all(
    [...documents].map(async ([path, doc]): Promise<[string, SnapshotEntry]> => {
      const body = Buffer.from(doc.body, 'utf8')
      const etag = strongEtag(body)
      const old = options.previous?.get(path)
      if (old && old.etag === etag && old.contentType === doc.contentType) return [path, old]
      const [gz, br] = await Promise.all([
        gzipAsync(body, { level: 9 }),
        brotliAsync(body, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            // The best quality costs tens of milliseconds on a large page, delaying live readers; it gains ~10 % there.
            [constants.BROTLI_PARAM_QUALITY]: body.length <= 16_384 ? 11 : 6,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
      ])
      return [path, { body, contentType: doc.contentType, etag, gzip: gz, br }]
    }),
  )
  return new Map(entries)
}

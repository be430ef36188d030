import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { type HttpMetrics, liveStreamRoute, snapshotRoute } from '../operations/http-metrics.js'
import { resolveDocument, writeDocument } from './serve-document.js'
import type { StatusPagesRuntime } from './runtime.js'

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void

/**
 * The status page is the one page everybody refreshes during an outage. Its documents are
 * answered straight from the snapshot on the socket, before the framework's per-request
 * hooks (cookies, CSRF, audit, per-IP rate limits meant for the API: a whole office behind
 * one NAT must not get 429s from a page that costs nothing to serve). Anything else, and
 * any path the snapshot does not hold, goes to the app as before.
 */
export function installStatusPageFastPath(server: Server, runtime: StatusPagesRuntime, metrics?: HttpMetrics): void {
  const [appListener, ...others] = server.listeners('request') as RequestListener[]
  if (!appListener || others.length > 0) return
  server.removeListener('request', appListener)
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url) {
      const found = resolveDocument(runtime.cache, req.headers.host, req.url)
      if (found?.entry) {
        // Counted with the time it took to write from the snapshot: a cached child and a clock read.
        const startedAt = performance.now()
        writeDocument(found.entry, req.method, req.headers, res)
        metrics?.observe(snapshotRoute, req.method, res.statusCode, (performance.now() - startedAt) / 1000)
        return
      }
      if (found && req.method === 'GET') {
        if (metrics) {
          const openedAt = performance.now()
          res.once('close', () =>
            metrics.observe(liveStreamRoute, 'GET', res.statusCode, (performance.now() - openedAt) / 1000),
          )
        }
        return runtime.hub.open(found.page.pageId, res)
      }
    }
    appListener.call(server, req, res)
  })
}

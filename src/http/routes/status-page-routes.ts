import type { FastifyReply, FastifyRequest } from 'fastify'
import { assetPaths, livePath } from '../../status-page/html/links.js'
import { sendProblem } from '../problem.js'
import type { RouteModule } from '../route-module.js'
import { installStatusPageFastPath } from '../status-page/fast-path.js'
import { resolveDocument, writeDocument } from '../status-page/serve-document.js'

const apiPaths = [
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/incidents/unresolved.json',
  '/api/v2/scheduled-maintenances.json',
  '/api/v2/scheduled-maintenances/upcoming.json',
  '/api/v2/scheduled-maintenances/active.json',
]
/** Paths a custom domain serves at its root (the same documents live under /p/:slug/). */
const hostPaths = [...new Set(['/', '/history', '/incidents/:id', ...Object.values(assetPaths), ...apiPaths, livePath])]

/**
 * The public status pages. Every answer comes from the in-memory snapshot: no request
 * (whatever its headers) queries the database or renders anything. On a real socket the
 * fast path answers first; these routes answer in-memory requests (tests), and the cases
 * the fast path leaves to the app: redirects, 404, and 503 before the first load.
 */
export const statusPageRoutes: RouteModule = (app, deps) => {
  const runtime = deps.statusPages
  installStatusPageFastPath(app.server, runtime, deps.operations.http)
  // Before the server waits for open connections: live streams never end by themselves.
  app.addHook('preClose', async () => runtime.stop())

  const serve = (request: FastifyRequest, reply: FastifyReply) => {
    const found = resolveDocument(runtime.cache, request.headers.host, request.url)
    if (!found) {
      if (runtime.isReady()) return reply.callNotFound()
      return sendProblem(reply.header('retry-after', '5'), {
        status: 503,
        code: 'UNAVAILABLE',
        title: 'Status pages are loading; try again in a few seconds',
      })
    }
    reply.hijack()
    if (found.entry) return writeDocument(found.entry, request.method, request.headers, reply.raw)
    return runtime.hub.open(found.page.pageId, reply.raw)
  }

  const hostSchema = { schema: { tags: ['Status page'], summary: 'Public status page, chosen by the Host header' } }
  for (const path of hostPaths) app.get(path, hostSchema, serve)

  const slugSchema = { schema: { tags: ['Status page'], summary: 'Public status page, chosen by its slug' } }
  app.get('/p/:slug', slugSchema, (request, reply) => {
    const q = request.url.indexOf('?')
    const path = q === -1 ? request.url : request.url.slice(0, q)
    // Links in the page are relative, so the page's own address must end in a slash.
    if (!path.endsWith('/')) return reply.redirect(`${path}/${q === -1 ? '' : request.url.slice(q)}`, 301)
    return serve(request, reply)
  })
  app.get('/p/:slug/*', slugSchema, serve)
}

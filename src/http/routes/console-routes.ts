import { readdir, readFile } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { sendProblem } from '../problem.js'
import type { RouteModule } from '../route-module.js'

/** `vite build` writes the console (src/web) here; the same path seen from src/ (tests) and from dist/ (npm start). */
export const consoleBuildDir = fileURLToPath(new URL('../../../dist/web/', import.meta.url))

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

interface ConsoleFile {
  body: Buffer
  type: string
  /** Vite puts a content hash in every name under assets/: such a file never changes, so browsers keep it a year. */
  isHashed: boolean
}

interface ConsoleBuild {
  index: Buffer
  files: Map<string, ConsoleFile>
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])),
  )
  return nested.flat()
}

/** The whole build is a few hundred kilobytes: held in memory, so a request never touches the disk. */
export async function loadConsoleBuild(dir: string): Promise<ConsoleBuild | null> {
  let index: Buffer
  try {
    index = await readFile(join(dir, 'index.html'))
  } catch {
    return null
  }
  const files = new Map<string, ConsoleFile>()
  for (const path of await listFiles(dir)) {
    const name = relative(dir, path).split(sep).join('/')
    if (name === 'index.html') continue
    files.set(`/console/${name}`, {
      body: await readFile(path),
      type: contentTypes[extname(name)] ?? 'application/octet-stream',
      isHashed: name.startsWith('assets/'),
    })
  }
  return { index, files }
}

function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?')
  return q === -1 ? request.url : request.url.slice(0, q)
}

/**
 * A file that is not there is a 404, never the app: a stale tab asking for an old bundle must not
 * get HTML as script.
 */
function looksLikeFile(path: string): boolean {
  return path.startsWith('/console/assets/') || (path.split('/').pop() ?? '').includes('.')
}

function sendIndex(reply: FastifyReply, build: ConsoleBuild) {
  // A new deploy must reach every tab on its next load: index.html names the current hashed bundles.
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(build.index)
}

/**
 * The console (src/web, a React app) at /console/: its built files, and index.html for every
 * other path below it, so the app's own routes survive a reload. The app calls the JSON API
 * with the session cookie; the default CSP (scripts, styles and connections to 'self') fits it.
 */
export function consoleRoutesFrom(dir: string): RouteModule {
  // Read once per process, not once per app: tests build hundreds of apps.
  let loading: Promise<ConsoleBuild | null> | undefined
  return async (app) => {
    const build = await (loading ??= loadConsoleBuild(dir))
    const tags = ['Console']
    const notBuilt = (reply: FastifyReply) =>
      sendProblem(reply, { status: 503, code: 'UNAVAILABLE', title: 'The console is not built: run npm run build' })

    app.get('/console/', { schema: { tags, summary: 'The console (admin app)', hide: true } }, (request, reply) => {
      // ignoreTrailingSlash makes /console match too; the app's URLs are relative to /console/.
      if (!pathOf(request).endsWith('/')) return reply.redirect(`/console/${request.url.slice('/console'.length)}`, 301)
      return build ? sendIndex(reply, build) : notBuilt(reply)
    })
    app.get(
      '/console/*',
      { schema: { tags, summary: 'The console: files, or the app for its own routes', hide: true } },
      (request, reply) => {
        if (!build) return notBuilt(reply)
        const path = pathOf(request)
        const file = build.files.get(path)
        if (file) {
          const cache = file.isHashed ? 'public, max-age=31536000, immutable' : 'no-cache'
          return reply.type(file.type).header('cache-control', cache).send(file.body)
        }
        if (looksLikeFile(path)) return reply.callNotFound()
        return sendIndex(reply, build)
      },
    )
  }
}

export const consoleRoutes: RouteModule = consoleRoutesFrom(consoleBuildDir)

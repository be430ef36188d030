import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

export interface SourceServer {
  url: string
  requests: { method: string; path: string; authorization: string | undefined }[]
}

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((done) => s.close(done))
})

/**
 * A local stand-in for a tool's API (127.0.0.1, port 0): `answer` sees each request and returns
 * a status and a JSON body, as the real API would for the fixture it serves.
 */
export async function startSourceServer(
  answer: (req: IncomingMessage, url: URL) => { status?: number; body: unknown; headers?: Record<string, string> },
): Promise<SourceServer> {
  const requests: SourceServer['requests'] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
    })
    let reply: { status?: number; body: unknown; headers?: Record<string, string> }
    try {
      reply = answer(req, url)
    } catch (error) {
      reply = { status: 500, body: { error: (error as Error).message } }
    }
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
    res.end(JSON.stringify(reply.body))
  })
  servers.push(server)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }
}

/** `?page=N&per_page=M` slices of a list, as Statuspage and Cachet page their lists. */
export function pageOf<T>(items: T[], url: URL): T[] {
  const page = Number(url.searchParams.get('page') ?? 1)
  const perPage = Number(url.searchParams.get('per_page') ?? 100)
  return items.slice((page - 1) * perPage, page * perPage)
}

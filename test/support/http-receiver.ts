import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A real HTTP receiver on 127.0.0.1 for tests and the benchmark; `respond` decides each answer. */
export interface ReceivedRequest {
  path: string
  headers: IncomingHttpHeaders
  body: string
  status: number
}

export interface HttpReceiverOptions {
  respond?: (request: Omit<ReceivedRequest, 'status'>) => {
    status: number
    body?: string
    headers?: Record<string, string>
    delayMs?: number
  }
  /** Keep every request (tests) or only count them (benchmark). */
  keepRequests?: boolean
}

export interface HttpReceiver {
  url: string
  port: number
  requests: ReceivedRequest[]
  count: () => number
  close(): Promise<void>
}

export async function startHttpReceiver(options: HttpReceiverOptions = {}): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = []
  let count = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const incoming = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      const answer = options.respond?.(incoming) ?? { status: 200 }
      count++
      if (options.keepRequests !== false) requests.push({ ...incoming, status: answer.status })
      const finish = () => res.writeHead(answer.status, answer.headers).end(answer.body ?? '')
      if (answer.delayMs) setTimeout(finish, answer.delayMs)
      else finish()
    })
  })
  server.keepAliveTimeout = 60_000
  server.on('clientError', (_error, socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    count: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

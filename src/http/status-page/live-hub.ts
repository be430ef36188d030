import type { ServerResponse } from 'node:http'

/**
 * Server-sent-event streams of the public pages, grouped by page. A change is one small
 * message written to every open stream; the page script then refetches its own URL
 * (served from the snapshot), so 10,000 readers cost 10,000 socket writes, not renders.
 */
export class LiveHub {
  private readonly streams = new Map<string, Set<ServerResponse>>()
  private heartbeat: NodeJS.Timeout | null = null

  constructor(private readonly heartbeatMs = 25_000) {}

  /** Takes over the response: headers, a retry hint, then messages until the client leaves. */
  open(pageId: string, response: ServerResponse, headers: Record<string, string> = {}): void {
    response.socket?.setTimeout(0)
    response.socket?.setNoDelay(true)
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies must not buffer the stream.
      'x-accel-buffering': 'no',
      ...headers,
    })
    response.write('retry: 3000\n\n')
    let set = this.streams.get(pageId)
    if (!set) this.streams.set(pageId, (set = new Set()))
    set.add(response)
    response.on('close', () => {
      set.delete(response)
      if (set.size === 0 && this.streams.get(pageId) === set) this.streams.delete(pageId)
    })
    this.startHeartbeat()
  }

  /** Tells every reader of the page that it changed; returns how many streams were written. */
  publish(pageId: string, version: string): number {
    return this.send(pageId, 'change', { version })
  }

  /** Writes one event to every stream open under the key (a page, an incident, an organisation). */
  send(key: string, event: string, data: unknown): number {
    const set = this.streams.get(key)
    if (!set) return 0
    const message = Buffer.from(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    for (const response of set) response.write(message)
    return set.size
  }

  count(pageId?: string): number {
    if (pageId) return this.streams.get(pageId)?.size ?? 0
    let total = 0
    for (const set of this.streams.values()) total += set.size
    return total
  }

  /** Ends every stream (server shutdown): an open stream would otherwise keep the server from closing. */
  closeAll(): void {
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = null
    for (const set of this.streams.values()) for (const response of set) response.end()
    this.streams.clear()
  }

  // Proxies and load balancers close connections that stay silent; a comment line keeps them open.
  private startHeartbeat(): void {
    if (this.heartbeat) return
    const ping = Buffer.from(': ping\n\n')
    this.heartbeat = setInterval(() => {
      for (const set of this.streams.values()) for (const response of set) response.write(ping)
    }, this.heartbeatMs)
    this.heartbeat.unref()
  }
}

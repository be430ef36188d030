import { createServer, type Server, type Socket, connect } from 'node:net'

/**
 * A TCP proxy on 127.0.0.1 in front of a real server (an SMTP sink, an HTTP receiver), to
 * play the relay's outages: `stall()` keeps every connection open and forwards nothing (a
 * relay that accepted and never answers), `refuse()` closes every new connection at once (a
 * relay that is down), `restore()` forwards again.
 */
export interface TcpProxy {
  port: number
  url(scheme: string): string
  stall(): void
  refuse(): void
  restore(): void
  close(): Promise<void>
}

export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  let mode: 'forward' | 'stall' | 'refuse' = 'forward'
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const server: Server = createServer((client) => {
    track(client)
    if (mode === 'refuse') return client.destroy()
    if (mode === 'stall') return client.pause()
    const upstream = connect(target.port, target.host ?? '127.0.0.1')
    track(upstream)
    const pipe = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        // A stalled relay swallows what it is sent and says nothing more.
        if (mode === 'forward') to.write(chunk)
      })
    pipe(client, upstream)
    pipe(upstream, client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    stall: () => {
      mode = 'stall'
    },
    refuse: () => {
      mode = 'refuse'
      for (const socket of sockets) socket.destroy()
    },
    restore: () => {
      mode = 'forward'
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LiveHub } from './live-hub.js'

const hub = new LiveHub(50)
let server: Server
let url = ''

beforeAll(async () => {
  server = createServer((req, res) => hub.open(req.url!.slice(1), res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  hub.closeAll()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function connect(pageId: string) {
  const controller = new AbortController()
  const response = await fetch(`${url}/${pageId}`, { signal: controller.signal })
  const reader = response.body!.getReader()
  let text = ''
  const until = async (needle: string) => {
    while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value)
    return text
  }
  return { response, until, close: () => controller.abort() }
}

describe('LiveHub', () => {
  it('streams a change event to every reader of that page only', async () => {
    const a = await connect('page-a')
    const b = await connect('page-b')
    expect(a.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    await a.until('retry: 3000')
    expect(hub.count('page-a')).toBe(1)
    expect(hub.publish('page-a', 'v2')).toBe(1)
    expect(await a.until('event: change')).toContain('event: change\ndata: {"version":"v2"}\n\n')
    await b.until(': ping')
    expect(hub.publish('nobody', 'v3')).toBe(0)
    a.close()
    b.close()
  })

  it('forgets readers who leave', async () => {
    const c = await connect('page-c')
    await c.until('retry')
    c.close()
    for (let i = 0; i < 50 && hub.count('page-c') > 0; i++) await new Promise((r) => setTimeout(r, 10))
    expect(hub.count('page-c')).toBe(0)
  })
})

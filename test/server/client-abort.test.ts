import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer } from '../support/server-process.js'

const token = 'abort-bootstrap-token-0123456789'
const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done()
})

/** Sends the headers and part of a JSON body, then hangs up, as a client that gives up does. */
function sendHalfAndHangUp(url: string) {
  const { hostname, port } = new URL(url)
  return new Promise<void>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        'POST /api/incidents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          `Authorization: Bearer ${token}\r\nContent-Length: 1000\r\n\r\n{"title": "Half`,
      )
      setTimeout(() => socket.destroy(), 100)
    })
    socket.on('close', () => resolve())
    socket.on('error', reject)
  })
}

describe('a client that hangs up mid-body', () => {
  it('is logged as a cut-off request, not as the database being unavailable, and the server carries on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'candor-abort-'))
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }))
    const server = await startServer({ env: { DATA_DIR: dataDir, CANDOR_BOOTSTRAP_TOKEN: token, LOG_LEVEL: 'info' } })
    cleanup.push(() => server.stop('SIGKILL'))
    for (let i = 0; i < 3; i++) await sendHalfAndHangUp(server.url)
    // The next request is answered, and by then the cut-off ones have been handled and logged.
    const listed = await fetch(`${server.url}/api/incidents`, { headers: { authorization: `Bearer ${token}` } })
    expect(listed.status).toBe(200)
    await expect.poll(() => server.output(), { timeout: 5_000 }).toContain('closed the request before sending all')
    expect(server.output()).not.toContain('database unavailable')
    expect(server.output()).not.toContain('unhandled error')
  })
})

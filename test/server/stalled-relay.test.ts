import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHttpReceiver } from '../support/http-receiver.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { startServer } from '../support/server-process.js'
import { startTcpProxy } from '../support/tcp-proxy.js'

const token = 'stall-bootstrap-token-0123456789'
const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done()
})

async function call(base: string, method: string, path: string, body?: unknown) {
  const started = performance.now()
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  })
  const text = await response.text()
  return { status: response.status, json: () => JSON.parse(text), ms: performance.now() - started }
}

describe('a relay that accepts and never answers', () => {
  it('leaves the API responsive while SMTP and webhook sends are ' +
    'stuck mid-send, and shutdown still completes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'candor-stall-'))
    const sink = await startSmtpSink()
    const receiver = await startHttpReceiver({ keepRequests: false })
    const relay = await startTcpProxy({ port: sink.port })
    const hooks = await startTcpProxy({ port: receiver.port })
    cleanup.push(
      async () => rmSync(dataDir, { recursive: true, force: true }),
      () => sink.close(),
      () => receiver.close(),
      () => relay.close(),
      () => hooks.close(),
    )
    const server = await startServer({
      env: {
        DATA_DIR: dataDir,
        CANDOR_BOOTSTRAP_TOKEN: token,
        SMTP_URL: relay.url('smtp'),
        // Slow enough that the fan-out is still going when the relay stalls.
        SMTP_RATE_PER_SECOND: '50',
        WEBHOOK_ALLOWLIST: '127.0.0.1',
      },
    })
    cleanup.push(() => server.stop('SIGKILL'))
    const base = server.url
    const page = await call(base, 'POST', '/api/pages', { slug: 'stall', name: 'Stall', locale: 'en' })
    const pageId = page.json().id as string
    const rows = Array.from({ length: 500 }, (_, i) => `reader${i}@example.test,true`).join('\n')
    const imported = await fetch(`${base}/api/pages/${pageId}/subscribers/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: `email,confirmed\n${rows}\n`,
    })
    expect(imported.status).toBeLessThan(300)
    for (let i = 0; i < 20; i++) {
      await call(base, 'POST', `/api/pages/${pageId}/subscribers`, {
        channel: 'webhook',
        address: `${hooks.url('http')}/h${i}`,
      })
    }
    const published = await call(base, 'POST', '/api/incidents', {
      title: 'Checkout errors',
      page_id: pageId,
      body: 'Investigating.',
    })
    expect(published.status).toBe(201)

    for (let waited = 0; sink.messages.length < 20; waited += 50) {
      if (waited > 60_000) throw new Error(`only ${sink.messages.length} mails after 60 s`)
      await new Promise((r) => setTimeout(r, 50))
    }
    relay.stall()
    hooks.stall()
    const stalledAt = sink.messages.length
    // While sends hang on both, the API answers as usual.
    const answers: { status: number; ms: number }[] = []
    for (let i = 0; i < 20; i++) {
      answers.push(await call(base, 'GET', '/api/incidents'))
      answers.push(
        await call(base, 'POST', '/api/incidents', { title: `Still here ${i}`, page_id: pageId, body: 'More.' }),
      )
      answers.push(await call(base, 'GET', '/healthz'))
      await new Promise((r) => setTimeout(r, 250))
    }
    const stopStarted = performance.now()
    const code = await server.stop('SIGTERM')
    const stopMs = performance.now() - stopStarted
    console.log(
      `stall: ${stalledAt} mails before the stall; ${answers.length} requests during it,` +
        ` slowest ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms; SIGTERM → exit in ${stopMs.toFixed(0)} ms`,
    )
    expect(answers.filter((a) => a.status >= 300 && a.status !== 201)).toEqual([])
    expect(code).toBe(0)
    expect(stopMs).toBeLessThan(10_000)
  }, 180_000)
})

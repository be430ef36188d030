import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { startCandor, type RunningCandor } from '../../src/wiring/start-candor.js'
import { postgresUrl } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'

interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

/** Prometheus text exposition format 0.0.4, parsed strictly: every sample belongs to a family with HELP and TYPE. */
function parseExposition(text: string): Sample[] {
  const typed = new Map<string, string>()
  const helped = new Set<string>()
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (line === '') continue
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line)
    if (meta) {
      if (meta[1] === 'TYPE') typed.set(meta[2]!, meta[3]!)
      else helped.add(meta[2]!)
      continue
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/.exec(line)
    if (!sample) throw new Error(`not a Prometheus sample line: ${line}`)
    const labels: Record<string, string> = {}
    for (const [, key, value] of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = value!
    const family = sample[1]!.replace(/_(bucket|sum|count)$/, '')
    if (!typed.has(sample[1]!) && !typed.has(family)) throw new Error(`sample ${sample[1]} has no TYPE line`)
    if (!helped.has(sample[1]!) && !helped.has(family)) throw new Error(`sample ${sample[1]} has no HELP line`)
    samples.push({ name: sample[1]!, labels, value: Number(sample[3]) })
  }
  return samples
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))

describe('operations endpoints in memory', () => {
  it('/livez answers without the database; /readyz follows the services and the shutdown', async () => {
    const { app, deps } = await createTestApp('pglite')
    expect((await app.inject({ url: '/livez' })).json()).toMatchObject({ status: 'ok' })
    // Built without starting the background services (as tests do): not ready, and it says why.
    const before = await app.inject({ url: '/readyz' })
    expect(before.statusCode).toBe(503)
    expect(before.json()).toEqual({
      status: 'not ready',
      checks: {
        database: { engine: 'pglite', reachable: true },
        migrations: { checked: true, pending: [] },
        services: { started: false, stopping: false },
      },
    })
    deps.operations.readiness.servicesStarted = true
    expect((await app.inject({ url: '/readyz' })).json()).toMatchObject({ status: 'ready' })
    deps.operations.readiness.stopping = true
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503)
    // /healthz is as it was.
    expect((await app.inject({ url: '/healthz' })).json()).toMatchObject({
      status: 'ok',
      database: { reachable: true },
    })
  })

  it('/metrics: this machine only and not through a proxy, or whoever holds METRICS_TOKEN', async () => {
    const open = await createTestApp('pglite')
    // app.inject comes from 127.0.0.1.
    expect((await open.app.inject({ url: '/metrics' })).statusCode).toBe(200)
    const proxied = await open.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(proxied.statusCode).toBe(403)
    expect(proxied.json().title).toMatch(/not served through a proxy; set METRICS_TOKEN/)
    const remote = await open.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })
    expect(remote.statusCode).toBe(403)
    // Paths no route knows share one series, so a scanner cannot make a series per path.
    for (const path of ['/wp-login.php', '/.env', '/nope/123']) await open.app.inject({ url: path })
    const samples = parseExposition((await open.app.inject({ url: '/metrics' })).body)
    expect(find(samples, 'candor_http_requests_total', { route: 'unmatched', status_class: '4xx' })?.value).toBe(3)
    expect(find(samples, 'candor_http_requests_total', { route: '/metrics', status_class: '4xx' })?.value).toBe(2)

    const token = 'scrape-token-0123456789abcdef'
    const locked = await createTestApp('pglite', { env: { METRICS_TOKEN: token } })
    expect((await locked.app.inject({ url: '/metrics' })).statusCode).toBe(401)
    expect((await locked.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(
      401,
    )
    const allowed = await locked.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.9',
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.1' },
    })
    expect(allowed.statusCode).toBe(200)
    expect(allowed.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(() => loadConfig({ METRICS_TOKEN: 'short' }, '/nonexistent')).toThrow(/METRICS_TOKEN: must be at least 16/)
  })
})

describe.skipIf(!postgresUrl())('a real scrape of a running Candor', () => {
  const schema = `metrics_${Date.now()}`
  let running: RunningCandor | undefined
  afterAll(async () => {
    await running?.close()
    const client = new pg.Client({ connectionString: postgresUrl()! })
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await client.end()
  })

  it('serves request rates and durations, outbox depth and lag, timer lag, memory and event-loop lag', async () => {
    const client = new pg.Client({ connectionString: postgresUrl()! })
    await client.connect()
    await client.query(`CREATE SCHEMA ${schema}`)
    await client.end()
    const token = 'metrics-test-token-0123456789'
    const config = loadConfig(
      {
        DATABASE_URL: `${postgresUrl()}?options=-c%20search_path%3D${schema}`,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        CANDOR_BOOTSTRAP_TOKEN: token,
        CANDOR_ADMIN_EMAIL: 'owner@example.com',
        CANDOR_ADMIN_PASSWORD: 'correct horse battery staple',
      },
      '/nonexistent',
    )
    running = await startCandor(config, { logger: createLogger('silent') })
    const base = running.url.replace('localhost', '127.0.0.1')
    const scrape = async () => {
      const response = await fetch(`${base}/metrics`)
      expect(response.status).toBe(200)
      return parseExposition(await response.text())
    }
    expect((await fetch(`${base}/readyz`)).status).toBe(200)
    expect((await fetch(`${base}/`)).status).toBe(200) // the status page, from the snapshot fast path
    const incidents = await fetch(`${base}/api/incidents`, { headers: { authorization: `Bearer ${token}` } })
    expect(incidents.status).toBe(200)
    expect((await fetch(`${base}/api/incidents`)).status).toBe(401)

    const first = await scrape()
    const api = { route: '/api/incidents', method: 'GET' }
    expect(find(first, 'candor_http_requests_total', { ...api, status_class: '2xx' })?.value).toBe(1)
    expect(find(first, 'candor_http_requests_total', { ...api, status_class: '4xx' })?.value).toBe(1)
    expect(find(first, 'candor_http_request_duration_seconds_count', { ...api, status_class: '2xx' })?.value).toBe(1)
    expect(
      find(first, 'candor_http_request_duration_seconds_bucket', { ...api, status_class: '2xx', le: '+Inf' })?.value,
    ).toBe(1)
    expect(
      find(first, 'candor_http_requests_total', { route: 'status page snapshot', method: 'GET', status_class: '2xx' })
        ?.value,
    ).toBeGreaterThanOrEqual(1)
    expect(find(first, 'candor_database_up')?.value).toBe(1)
    expect(find(first, 'process_resident_memory_bytes')?.value).toBeGreaterThan(10_000_000)
    expect(find(first, 'nodejs_eventloop_lag_seconds')).toBeDefined()
    expect(find(first, 'nodejs_eventloop_lag_p99_seconds')).toBeDefined()
    for (const timer of ['process', 'oncall_escalation', 'alert_rule'])
      expect(find(first, 'candor_timer_lag_seconds', { timer })?.value).toBe(0)
    const queuedBefore = find(first, 'candor_outbox_messages', { kind: 'team_notice', status: 'queued' })?.value ?? 0

    // Queue a message as the use cases do (in a transaction), due a minute ago: its relay is unreachable.
    const deps = running.deps
    const org = (await deps.store.organisations.findBySlug('acme'))!
    deps.outbox.attach(null) // no wake-up: the worker finds it at its next poll, after the scrape (or as it runs)
    const dueAt = new Date(Date.now() - 60_000)
    await deps.store.transaction(org.id, (tx) =>
      tx.messages.enqueue(
        [{ kind: 'team_notice', channel: 'webhook', address: 'http://127.0.0.1:9/', content: {}, dueAt }],
        new Date(),
      ),
    )
    // An overdue process timer, as a stalled timer job would leave it.
    await deps.database.db
      .updateTable('incident_processes')
      .set({ next_timer_at: new Date(Date.now() - 120_000) })
      .execute()

    const second = await scrape()
    const queued = find(second, 'candor_outbox_messages', { kind: 'team_notice', status: 'queued' })?.value ?? 0
    const sending = find(second, 'candor_outbox_messages', { kind: 'team_notice', status: 'sending' })?.value ?? 0
    expect(queued + sending).toBe(queuedBefore + 1)
    if (queued > queuedBefore) expect(find(second, 'candor_outbox_oldest_due_seconds')?.value).toBeGreaterThan(55)
    const processLag = find(second, 'candor_timer_lag_seconds', { timer: 'process' })?.value
    // Unless the timer job ran in between and moved it on.
    expect(processLag === 0 || (processLag ?? 0) > 115).toBe(true)
    expect(
      find(second, 'candor_http_requests_total', { route: '/metrics', method: 'GET', status_class: '2xx' })?.value,
    ).toBe(1)
  })
})

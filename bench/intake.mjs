// Alert intake under load: 50,000 alerts (90% duplicates of 5,000 keys) over 64 connections to each
// intake endpoint, on PGlite and PostgreSQL. Prints alerts/s, p50/p99 latency, the time from an alert
// that opens an incident to the incident being listed, and the server's RSS.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { Pool } from 'undici'
import { machine, rssMb } from './_machine.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const total = Number(process.env.ALERTS ?? 50_000)
const distinct = Number(process.env.KEYS ?? 5_000)
const connections = Number(process.env.CONNECTIONS ?? 64)
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const engines = (process.env.ENGINES ?? 'pglite,postgres').split(',')
const kinds = (process.env.KINDS ?? 'alertmanager,webhook,pagerduty').split(',')
const token = `bench_${randomBytes(16).toString('hex')}`

async function startServer(env) {
  const child = spawn(process.execPath, [...(process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/cli/main.js', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CANDOR_BOOTSTRAP_TOKEN: token, BASE_URL: 'http://127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      if (process.env.SHOW_SERVER_OUTPUT) process.stderr.write(c)
      out += c
      const m = /running at (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1].replace('localhost', '127.0.0.1'))
    })
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)))
  })
  return { child, url }
}

async function api(url, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

// One alert per request; key i % distinct, so every key recurs total/distinct times.
const payloads = {
  alertmanager: (key, i, summary) => ({
    path: (k) => `/api/intake/alertmanager/${k}`,
    body: { version: '4', status: 'firing', receiver: 'candor', groupKey: '{}:{alertname="Bench"}', alerts: [{ status: 'firing', labels: { alertname: 'Bench', service: `svc-${i % 50}`, instance: `host-${i}` }, annotations: { summary }, startsAt: new Date().toISOString(), endsAt: '0001-01-01T00:00:00Z', fingerprint: key }] },
  }),
  webhook: (key, i, summary) => ({ path: (k) => `/api/intake/webhook/${k}`, body: { summary, dedup_key: key, severity: 'error', labels: { service: `svc-${i % 50}` } } }),
  pagerduty: (key, i, summary, routingKey) => ({ path: () => '/v2/enqueue', body: { routing_key: routingKey, event_action: 'trigger', dedup_key: key, payload: { summary, source: `host-${i % 500}`, severity: 'error' } } }),
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function load(url, kind, integrationKey) {
  const pool = new Pool(url, { connections, pipelining: 1 })
  const latencies = new Float64Array(total)
  let next = 0
  let failures = 0
  let firstFailure = ''
  const started = performance.now()
  let incidentMs = null
  let incidentAckMs = null
  // Halfway through, one alert that a rule turns into an incident: how long until the incident is listed?
  const probe = (async () => {
    while (next < total / 2) await new Promise((r) => setTimeout(r, 5))
    const summary = `BENCH-INCIDENT ${kind} ${Date.now()}`
    const { path, body } = payloads[kind](`incident-${kind}`, 0, summary, integrationKey)
    const sent = performance.now()
    const response = await pool.request({ method: 'POST', path: path(integrationKey), headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    await response.body.text()
    incidentAckMs = performance.now() - sent
    for (;;) {
      const incidents = await api(url, 'GET', '/api/incidents?status=triage&limit=200')
      if (incidents.some((i) => i.title.includes(summary))) break
      await new Promise((r) => setTimeout(r, 10))
    }
    incidentMs = performance.now() - sent
  })()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (;;) {
        const i = next++
        if (i >= total) return
        const key = `key-${i % distinct}`
        const { path, body } = payloads[kind](key, i, `Bench alert ${key}`, integrationKey)
        const t0 = performance.now()
        try {
          const response = await pool.request({ method: 'POST', path: path(integrationKey), headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
          const text = await response.body.text()
          if (response.statusCode !== 202) {
            failures++
            firstFailure ||= `${response.statusCode} ${text.slice(0, 200)}`
          }
        } catch (error) {
          failures++
          firstFailure ||= error.message
        }
        latencies[i] = performance.now() - t0
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  await probe
  await pool.close()
  const sorted = Array.from(latencies).sort((a, b) => a - b)
  return { rate: total / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), failures, firstFailure, incidentMs, incidentAckMs }
}

async function run(label, env) {
  const { child, url } = await startServer(env)
  try {
    const keys = {}
    for (const kind of ['alertmanager', 'webhook', 'pagerduty']) keys[kind] = (await api(url, 'POST', '/api/integrations', { kind, name: `bench ${kind}` })).key
    // One rule per endpoint: a rule's open incident collects its later alerts, so each needs its own.
    for (const kind of Object.keys(keys)) {
      await api(url, 'POST', '/api/routing-rules', { name: `bench ${kind}`, conditions: [{ field: 'summary', op: 'matches', pattern: `BENCH-INCIDENT ${kind} .*` }], actions: [{ type: 'open_incident', severity: 3 }] })
    }
    for (const kind of kinds) {
      process.stdout.write(`${label} ${kind}: ${total} alerts…`)
      const r = await load(url, kind, keys[kind])
      const line = [
        `${label.padEnd(10)} ${kind.padEnd(12)}`,
        `${r.rate.toFixed(0).padStart(6)} alerts/s`,
        `p50 ${r.p50.toFixed(1).padStart(6)} ms`,
        `p99 ${r.p99.toFixed(1).padStart(6)} ms`,
        `alert→incident listed ${r.incidentMs?.toFixed(1) ?? '?'} ms (answered in ${r.incidentAckMs?.toFixed(1) ?? '?'} ms)`,
        `RSS ${rssMb(child.pid).toFixed(0)} MB`,
        r.failures ? `FAILURES ${r.failures} (first: ${r.firstFailure})` : 'no failures',
      ].join('  ')
      process.stdout.write(`\r${line}\n`)
    }
  } finally {
    child.kill('SIGINT')
    await new Promise((r) => child.once('exit', r))
  }
}

console.log(`alert intake benchmark — ${total} alerts per endpoint, ${distinct} keys (${(100 * (1 - distinct / total)).toFixed(0)}% duplicates), ${connections} connections — ${machine()}`)
const dir = mkdtempSync(join(tmpdir(), 'candor-bench-intake-'))
try {
  if (engines.includes('pglite')) await run('PGlite', { DATA_DIR: join(dir, 'data') })
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const admin = new pg.Client({ connectionString: pgUrl })
const schema = `bench_intake_${Date.now()}`
try {
  if (!engines.includes('postgres')) throw new Error('not asked for (ENGINES)')
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await run('PostgreSQL', { DATABASE_URL: `${pgUrl}?options=-c%20search_path%3D${schema}` })
} catch (error) {
  console.log(`PostgreSQL: skipped (${error.message})`)
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {})
  await admin.end().catch(() => {})
}

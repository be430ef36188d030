// Fan-out: one published update to 100,000 email subscribers (local SMTP sink) and to 10,000
// webhook subscribers (local HTTP receiver), on PGlite and on PostgreSQL. Prints the time from
// publish to the last delivery, messages per second and the peak RSS of the Candor process.
// Sinks run in their own processes. `EMAILS=… WEBHOOKS=… ENGINES=pglite,postgres` narrow it.
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { machine } from './_machine.mjs'

const dist = new URL('../dist/', import.meta.url)
const { loadConfig } = await import(new URL('config.js', dist))
const { buildDeps } = await import(new URL('main.js', dist))
const { openDatabase } = await import(new URL('store/database.js', dist))
const { migrate } = await import(new URL('store/migrate.js', dist))
const { createLogger } = await import(new URL('logger.js', dist))
const { systemContext } = await import(new URL('app/context.js', dist))
const { createIncident } = await import(new URL('app/incidents/create-incident.js', dist))
const { createDeliveryService } = await import(new URL('delivery/delivery-service.js', dist))
const { parseDeliverySettings } = await import(new URL('delivery/delivery-settings.js', dist))
const { sql } = await import('kysely')

const emails = Number(process.env.EMAILS ?? 100_000)
const webhooks = Number(process.env.WEBHOOKS ?? 10_000)
const engines = (process.env.ENGINES ?? 'pglite,postgres').split(',')
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const sinkScript = fileURLToPath(new URL('_fanout-sink.mjs', import.meta.url))

function startSink(mode, target) {
  const child = fork(sinkScript, [mode, String(target)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const ready = new Promise((resolve) => child.on('message', (m) => m.type === 'ready' && resolve(m.port)))
  const done = new Promise((resolve) => child.on('message', (m) => m.type === 'done' && resolve(m)))
  return { child, ready, done, stop: () => child.kill() }
}

async function openEngine(engine) {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'candor-fanout-'))
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  return {
    env: { DATABASE_URL: url },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: pgUrl })
      await c.connect()
      await c.query(`DROP SCHEMA ${schema} CASCADE`)
      await c.end()
    },
  }
}

async function run(engine, channel, count) {
  const sink = startSink(channel === 'email' ? 'smtp' : 'http', count)
  const port = await sink.ready
  const place = await openEngine(engine)
  const config = loadConfig(
    {
      ...place.env,
      BASE_URL: 'http://status.bench.test',
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      WEBHOOK_ALLOWLIST: '127.0.0.1',
    },
    '/nonexistent',
  )
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await migrate(database)
  const deps = await buildDeps(database, config, createLogger('warn'))
  const org = await deps.store.organisations.create({ slug: `bench-${randomBytes(3).toString('hex')}`, name: 'Bench' })
  const page = await deps.store
    .forOrg(org.id)
    .pages.create({ slug: `bench-${randomBytes(3).toString('hex')}`, name: 'Acme Cloud' })
  const address =
    channel === 'email' ? sql`'user' || g || '@example.com'` : sql`${`http://127.0.0.1:${port}/hook/`} || g`
  await sql`INSERT INTO subscribers (org_id, page_id, channel, address, address_key, state, secret, confirmed_at)
    SELECT ${org.id}::uuid, ${page.id}::uuid, ${channel}, ${address}, ${address}, 'active', ${channel === 'email' ? null : 'whsec_bench'}, now()
    FROM generate_series(1, ${count}) g`.execute(deps.store.db)
  const service = createDeliveryService(deps, {
    smtpUrl: config.smtpUrl,
    webhookAllowlist: ['127.0.0.1'],
    settings: parseDeliverySettings(JSON.parse(process.env.SETTINGS ?? '{}')),
  })
  await service.start()
  // As `candor serve` does (delivery/feature.ts): the committed update wakes the worker at once instead of at its next poll.
  deps.events.on('incident.changed', () => service.worker()?.wake())
  const rssBefore = process.memoryUsage.rss()
  let peakRss = rssBefore
  let peakHeap = 0
  const sampler = setInterval(() => {
    const memory = process.memoryUsage()
    peakRss = Math.max(peakRss, memory.rss)
    peakHeap = Math.max(peakHeap, memory.heapTotal + memory.external)
  }, 100)
  const publishedAt = Date.now()
  const cpuBefore = process.cpuUsage()
  const eluBefore = performance.eventLoopUtilization()
  if (process.env.MARK) console.log('MARK start', String(process.hrtime.bigint() / 1000n))
  const ctx = systemContext(org.id, new Date(), 'bench')
  await createIncident(deps, ctx, {
    title: 'Fan-out benchmark',
    page_id: page.id,
    body: 'We are investigating elevated error rates.',
  })
  const queuedMs = Date.now() - publishedAt
  const done = await sink.done
  const cpu = process.cpuUsage(cpuBefore)
  const elu = performance.eventLoopUtilization(eluBefore)
  if (process.env.MARK) console.log('MARK end', String(process.hrtime.bigint() / 1000n))
  clearInterval(sampler)
  const seconds = (done.at - publishedAt) / 1000
  await service.stop()
  await database.close()
  await place.cleanup()
  sink.stop()
  const cpuUsPerMessage = (cpu.user + cpu.system) / count
  const systemShare = cpu.system / (cpu.user + cpu.system)
  const firstMs = done.firstAt - publishedAt
  const sizes = {
    rate: count / seconds,
    peakRssMb: peakRss / 2 ** 20,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
  }
  return {
    engine,
    channel,
    count,
    seconds,
    queuedMs,
    firstMs,
    ...sizes,
    cpuUsPerMessage,
    systemShare,
    loopBusy: elu.utilization,
  }
}

// Each run in a process of its own, so one run's memory (PGlite's heap) never shows in another's RSS.
const [flag, runEngine, runChannel, runCount] = process.argv.slice(2)
if (flag === '--run') {
  const result = await run(runEngine, runChannel, Number(runCount))
  process.send(result)
  process.exit(0)
}

function runInChild(engine, channel, count) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--run', engine, channel, String(count)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    child.once('message', resolve)
    child.once('exit', (code) => code !== 0 && reject(new Error(`${engine} ${channel} run exited with ${code}`)))
  })
}

console.log(
  `fan-out benchmark — ${machine()}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
for (const engine of engines) {
  if (engine === 'postgres') {
    const probe = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 })
    const ok = await probe.connect().then(
      () => true,
      () => false,
    )
    await probe.end().catch(() => {})
    if (!ok) {
      console.log(`postgres: not reachable at ${pgUrl}, skipped`)
      continue
    }
  }
  for (const [channel, count] of [
    ['email', emails],
    ['webhook', webhooks],
  ]) {
    if (count <= 0) continue
    const r = await runInChild(engine, channel, count)
    console.log(
      `${engine.padEnd(8)} ${channel.padEnd(7)} ${String(count).padStart(7)} messages: publish→last delivery ${r.seconds.toFixed(2)} s ` +
        `(outbox written in ${r.queuedMs} ms), ${Math.round(r.rate)} msg/s, peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.rssBeforeMb.toFixed(0)} MB before publishing; JS heap and buffers ${r.peakHeapMb.toFixed(0)} MB), ` +
        `Candor CPU ${Math.round(r.cpuUsPerMessage)} µs/message (${Math.round(100 * r.systemShare)}% in the kernel), ` +
        `first delivery after ${r.firstMs} ms, event loop busy ${Math.round(100 * r.loopBusy)}%`,
    )
  }
}
console.log(
  'Targets: 100,000 emails < 30 s, 10,000 webhooks < 3 s. CPU per message is the figure that holds on a busy machine.',
)
process.exit(0)

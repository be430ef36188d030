// Fan-out: one published update to 100,000 email subscribers (local SMTP sink) and to 10,000
// webhook subscribers (local HTTP receiver), through the one outbound pipeline as `candor serve`
// builds it (wiring/build-deps.ts, wiring/outbound-pipeline.ts), on PostgreSQL in a fresh schema.
// A third scenario, `mixed`, puts every kind of message on the pipeline at once — the same
// subscriber fan-out (email and webhook) plus on-call pages, stakeholder/team/role notices and
// account mail, by email and webhook — to show the other kinds do not slow the subscribers'.
// Each run is a process of its own; each scenario runs RUNS times and the median is printed.
// Env: EMAILS, WEBHOOKS, OTHERS (per other kind), RUNS, SCENARIOS=email,webhook,mixed,
// ENGINES=postgres[,pglite], TEST_DATABASE_URL, TIMEOUT_SECONDS. BASELINE_ROOT=<another built checkout of
// Candor> runs its dist too, run for run in turns, so before/after share the machine's mood.
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'
import { cpuMsOfAll, machine, median } from './_machine.mjs'

const dist = process.env.CANDOR_DIST ? pathToFileURL(process.env.CANDOR_DIST) : new URL('../dist/', import.meta.url)
const here = fileURLToPath(new URL('..', import.meta.url))
const roots = [
  ...(process.env.BASELINE_ROOT ? [{ name: 'before', dir: process.env.BASELINE_ROOT }] : []),
  { name: process.env.BASELINE_ROOT ? 'after' : '', dir: here },
]
const emails = Number(process.env.EMAILS ?? 100_000)
const webhooks = Number(process.env.WEBHOOKS ?? 10_000)
const othersPerKind = Number(process.env.OTHERS ?? 1_000)
const runs = Number(process.env.RUNS ?? 3)
const engines = (process.env.ENGINES ?? 'postgres').split(',')
const scenarios = (process.env.SCENARIOS ?? 'email,webhook,mixed').split(',')
const timeoutSeconds = Number(process.env.TIMEOUT_SECONDS ?? 300)
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
// Progress while a run goes: in place on a terminal, a line every 5 s in a log.
const progressMs = process.stderr.isTTY ? 1_000 : 5_000
const sinkScript = fileURLToPath(new URL('_fanout-sink.mjs', import.meta.url))

function startSink(mode, targets) {
  const child = fork(sinkScript, [mode, JSON.stringify(targets)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const ready = new Promise((resolve) => child.on('message', (m) => m.type === 'ready' && resolve(m.port)))
  const done = new Promise((resolve) => child.on('message', (m) => m.type === 'done' && resolve(m)))
  const counts = () =>
    new Promise((resolve) => {
      const on = (m) => {
        if (m.type !== 'count') return
        child.off('message', on)
        resolve(m.counts)
      }
      child.on('message', on)
      child.send('count')
    })
  return { child, ready, done, counts, stop: () => child.kill() }
}

async function openEngine(engine) {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'candor-fanout-'))
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const schema = `bench_fanout_${randomBytes(4).toString('hex')}`
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

/** The other kinds of message, as their use cases write them: one outbox row per recipient. */
async function enqueueOthers(deps, orgId, userId, ports, perKind, now) {
  const { sql } = await import('kysely')
  const org = deps.store.forOrg(orgId)
  // On-call pages: triggered pages, each notifying by email and by webhook (paging-batch.ts's write).
  const pageIds = []
  for (let i = 0; i < Math.ceil(perKind / 10); i++) {
    const row = await sql`INSERT INTO oncall_pages (org_id, summary, details, status, policy_snapshot)
      VALUES (${orgId}::uuid, ${`Bench page ${i}`}, 'api 5xx above 2%', 'triggered', '{}'::jsonb) RETURNING id`.execute(
      deps.store.db,
    )
    pageIds.push(row.rows[0].id)
  }
  // A webhook contact method signs with a secret of its own.
  const method = await sql`INSERT INTO oncall_contact_methods (org_id, user_id, kind, address, secret)
    VALUES (${orgId}::uuid, ${userId}::uuid, 'webhook', ${`http://127.0.0.1:${ports.http}/other/page`},
      'whsec_bench_page') RETURNING id`.execute(deps.store.db)
  const notification = (i, kind, address) => ({
    pageId: pageIds[i % pageIds.length],
    userId,
    contactMethodId: kind === 'webhook' ? method.rows[0].id : null,
    kind,
    address,
    levelIndex: 0,
    round: 0,
    isFallback: false,
    dueAt: now,
  })
  const pages = []
  for (let i = 0; i < perKind; i++) {
    pages.push(notification(i, 'email', `oncall${i}@ops.example.net`))
    pages.push(notification(i, 'webhook', `http://127.0.0.1:${ports.http}/other/page/${i}`))
  }
  await org.oncall.pages.addNotifications(pages)
  // Process notices and account mail (process/write-intents.ts, accounts/account-mail.ts).
  const rows = []
  const notice = (kind, channel, address, extra) => ({
    kind,
    channel,
    address,
    content: { incidentTitle: 'Fan-out benchmark', text: 'Checkout is degraded.', isDrill: false, ...extra },
    dueAt: now,
  })
  for (let i = 0; i < perKind; i++) {
    rows.push(notice('stakeholder_notice', 'email', `exec${i}@ops.example.net`, { event: 'declared', group: 'execs' }))
    rows.push(
      notice('stakeholder_notice', 'webhook', `http://127.0.0.1:${ports.http}/other/stakeholders/${i}`, {
        event: 'declared',
        group: 'execs',
      }),
    )
    rows.push(notice('team_notice', 'email', `team${i}@ops.example.net`, { stage: 'investigating' }))
    rows.push(notice('role_notice', 'email', `role${i}@ops.example.net`, { reason: 'role_released', role: 'scribe' }))
    rows.push({
      kind: 'account_mail',
      channel: 'email',
      address: `invitee${i}@ops.example.net`,
      content: { purpose: 'invitation', subject: 'You are invited to Candor', text: 'Open the link to join.' },
      dueAt: now,
    })
  }
  for (let i = 0; i < rows.length; i += 2000) await org.messages.enqueue(rows.slice(i, i + 2000), now)
  // 5 kinds by email (pages, stakeholder, team, role, account), 2 by webhook (pages, stakeholder).
  return { email: 5 * perKind, webhook: 2 * perKind }
}

async function run(engine, scenario) {
  const { loadConfig } = await import(new URL('config.js', dist))
  const { buildDeps } = await import(new URL('wiring/build-deps.js', dist))
  const { createOutboundPipeline } = await import(new URL('wiring/outbound-pipeline.js', dist))
  const { openDatabase } = await import(new URL('store/database.js', dist))
  const { migrate } = await import(new URL('store/migrate.js', dist))
  const { createLogger } = await import(new URL('logger.js', dist))
  const { systemContext } = await import(new URL('app/context.js', dist))
  const { createIncident } = await import(new URL('app/incidents/create-incident.js', dist))
  const { sql } = await import('kysely')

  const mixed = scenario === 'mixed'
  const subEmails = scenario === 'email' || mixed ? emails : 0
  const subHooks = scenario === 'webhook' || mixed ? webhooks : 0
  const others = mixed ? { email: 5 * othersPerKind, webhook: 2 * othersPerKind } : { email: 0, webhook: 0 }
  const sinks = {}
  if (subEmails + others.email > 0) sinks.smtp = startSink('smtp', { sub: subEmails, other: others.email })
  if (subHooks + others.webhook > 0) sinks.http = startSink('http', { sub: subHooks, other: others.webhook })
  const ports = { smtp: await sinks.smtp?.ready, http: await sinks.http?.ready }
  const place = await openEngine(engine)
  const config = loadConfig(
    {
      ...place.env,
      BASE_URL: 'http://status.bench.test',
      LOG_LEVEL: 'warn',
      ...(ports.smtp ? { SMTP_URL: `smtp://127.0.0.1:${ports.smtp}` } : {}),
      WEBHOOK_ALLOWLIST: '127.0.0.1',
    },
    '/nonexistent',
  )
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await migrate(database)
  // Errors only: a webhook-only run has no SMTP_URL, and the pipeline says so at warn.
  const logger = createLogger('error')
  const deps = await buildDeps(database, config, logger)
  const org = await deps.store.organisations.create({ slug: `bench-${randomBytes(3).toString('hex')}`, name: 'Bench' })
  const page = await deps.store
    .forOrg(org.id)
    .pages.create({ slug: `bench-${randomBytes(3).toString('hex')}`, name: 'Acme Cloud' })
  for (const [channel, count] of [
    ['email', subEmails],
    ['webhook', subHooks],
  ]) {
    if (count === 0) continue
    const address =
      channel === 'email' ? sql`'user' || g || '@example.com'` : sql`${`http://127.0.0.1:${ports.http}/hook/`} || g`
    await sql`INSERT INTO subscribers (org_id, page_id, channel, address, address_key, state, secret, confirmed_at)
      SELECT ${org.id}::uuid, ${page.id}::uuid, ${channel}, ${address}, ${address}, 'active',
        ${channel === 'email' ? null : 'whsec_bench'}, now()
      FROM generate_series(1, ${count}) g`.execute(deps.store.db)
  }
  const user = mixed
    ? (
        await sql`INSERT INTO users (email, name) VALUES ('oncall@ops.example.net', 'On Call') RETURNING id`.execute(
          deps.store.db,
        )
      ).rows[0]
    : null
  // The pipeline `candor serve` starts (wiring/services.ts): the committed update wakes it at once.
  const pipeline = createOutboundPipeline(deps, config)
  await pipeline.start()
  deps.outbox.attach(pipeline.worker)

  const rssBefore = process.memoryUsage.rss()
  let peakRss = rssBefore
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100)
  const expected = { sub: subEmails + subHooks, other: others.email + others.webhook }
  const progress = setInterval(async () => {
    let sub = 0
    let other = 0
    for (const sink of Object.values(sinks)) {
      const counts = await sink.counts()
      sub += counts.sub ?? 0
      other += counts.other ?? 0
    }
    const seconds = ((Date.now() - publishedAt) / 1000).toFixed(0)
    const othersPart = expected.other ? `, other ${other}/${expected.other}` : ''
    const line = `  ${scenario} ${seconds} s: subscribers ${sub}/${expected.sub}${othersPart}`
    process.stderr.write(process.stderr.isTTY ? `\r\x1b[K${line}` : `${line}\n`)
  }, progressMs)
  const pgCpuBefore = engine === 'postgres' ? cpuMsOfAll('postgres') : 0
  const publishedAt = Date.now()
  const cpuBefore = process.cpuUsage()
  // In the mixed run the other kinds are written while the update is published, each as its use case would.
  const othersQueued = mixed
    ? enqueueOthers(deps, org.id, user.id, ports, othersPerKind, new Date()).then(() => deps.outbox.wake())
    : null
  await createIncident(deps, systemContext(org.id, new Date(), 'bench'), {
    title: 'Fan-out benchmark',
    page_id: page.id,
    body: 'We are investigating elevated error rates.',
  })
  const queuedMs = Date.now() - publishedAt
  await othersQueued
  const timeout = setTimeout(async () => {
    const statuses = await sql`SELECT kind, channel, status, count(*)::int AS n, max(last_error) AS error
      FROM deliveries GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(deps.store.db)
    console.error(`\n${scenario}: not done after ${timeoutSeconds} s; outbox:`)
    console.table(statuses.rows)
    for (const sink of Object.values(sinks)) sink.stop()
    process.exit(1)
  }, timeoutSeconds * 1000)
  const done = await Promise.all(Object.values(sinks).map((s) => s.done))
  clearTimeout(timeout)
  const cpu = process.cpuUsage(cpuBefore)
  // Backends of other clients that exit meanwhile take their CPU with them: a negative figure is no figure.
  const pgCpuSpent = engine === 'postgres' ? cpuMsOfAll('postgres') - pgCpuBefore : NaN
  const pgCpuMs = pgCpuSpent >= 0 ? pgCpuSpent : NaN
  clearInterval(sampler)
  clearInterval(progress)
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
  const doneOf = (mode, cls) => {
    const at = done[Object.keys(sinks).indexOf(mode)]?.doneAt[cls]
    return at ? (at - publishedAt) / 1000 : null
  }
  const total = expected.sub + expected.other
  const lastAt = Math.max(...done.flatMap((d) => Object.values(d.doneAt)))
  await pipeline.stop()
  await database.close()
  await place.cleanup()
  for (const sink of Object.values(sinks)) sink.stop()
  return {
    engine,
    scenario,
    total,
    seconds: (lastAt - publishedAt) / 1000,
    firstSeconds: Math.min(...done.flatMap((d) => Object.values(d.firstAt))) / 1000 - publishedAt / 1000,
    subEmailSeconds: doneOf('smtp', 'sub'),
    subHookSeconds: doneOf('http', 'sub'),
    otherEmailSeconds: doneOf('smtp', 'other'),
    otherHookSeconds: doneOf('http', 'other'),
    queuedMs,
    peakRssMb: peakRss / 2 ** 20,
    rssBeforeMb: rssBefore / 2 ** 20,
    cpuUsPerMessage: ((cpu.user + cpu.system) * 1) / total,
    pgCpuUsPerMessage: (pgCpuMs * 1000) / total,
  }
}

const [flag, runEngine, runScenario] = process.argv.slice(2)
if (flag === '--run') {
  const result = await run(runEngine, runScenario)
  process.send(result)
  process.exit(0)
}

function runInChild(engine, scenario, root) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--run', engine, scenario], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, CANDOR_DIST: `${join(root.dir, 'dist')}/` },
    })
    child.once('message', resolve)
    child.once('exit', (code) => code !== 0 && reject(new Error(`${engine} ${scenario} run exited with ${code}`)))
  })
}

const s = (v) => (v == null ? '—' : `${v.toFixed(2)} s`)
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
console.log(`fan-out benchmark — ${machine()}, load average ${load()}`)
console.log(`${runs} runs per scenario, each in a fresh process and a fresh schema; medians below\n`)
const medians = {}
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
  for (const scenario of scenarios) {
    const resultsOf = new Map(roots.map((root) => [root, []]))
    for (let i = 0; i < runs; i++) {
      for (const root of roots) {
        const r = await runInChild(engine, scenario, root)
        resultsOf.get(root).push(r)
        const label = root.name ? ` (${root.name})` : ''
        const parts = [
          r.subEmailSeconds != null && `subscriber emails ${s(r.subEmailSeconds)}`,
          r.subHookSeconds != null && `subscriber webhooks ${s(r.subHookSeconds)}`,
          r.otherEmailSeconds != null && `other emails ${s(r.otherEmailSeconds)}`,
          r.otherHookSeconds != null && `other webhooks ${s(r.otherHookSeconds)}`,
        ].filter(Boolean)
        const pgPart = Number.isNaN(r.pgCpuUsPerMessage) ? '' : `, PostgreSQL ${Math.round(r.pgCpuUsPerMessage)} µs/msg`
        console.log(
          `${engine} ${scenario}${label} run ${i + 1}/${runs}: ${r.total} messages, last at ${s(r.seconds)} ` +
            `(${parts.join(', ')}); ${Math.round(r.total / r.seconds)} msg/s, ` +
            `Candor CPU ${Math.round(r.cpuUsPerMessage)} µs/msg${pgPart}, peak RSS ${r.peakRssMb.toFixed(0)} MB ` +
            `(${r.rssBeforeMb.toFixed(0)} before), outbox written in ${r.queuedMs} ms, ` +
            `first message after ${s(r.firstSeconds)}; load ${load()}`,
        )
      }
    }
    for (const root of roots) {
      const results = resultsOf.get(root)
      const m = (key) => {
        const values = results.map((r) => r[key]).filter((v) => v != null && !Number.isNaN(v))
        return values.length ? median(values) : null
      }
      medians[`${engine} ${scenario}${root.name ? ` ${root.name}` : ''}`] = {
        total: results[0].total,
        seconds: m('seconds'),
        subEmailSeconds: m('subEmailSeconds'),
        subHookSeconds: m('subHookSeconds'),
        otherEmailSeconds: m('otherEmailSeconds'),
        otherHookSeconds: m('otherHookSeconds'),
        cpu: m('cpuUsPerMessage'),
        pgCpu: m('pgCpuUsPerMessage'),
        peak: Math.max(...results.map((r) => r.peakRssMb)),
      }
    }
  }
}
console.log(`\nmedian of ${runs}                 messages   time      msg/s   Candor µs/msg   PG µs/msg   peak RSS`)
const pad = (value, width) => String(value).padStart(width)
for (const [name, r] of Object.entries(medians)) {
  console.log(
    `${name.padEnd(26)}${pad(r.total, 9)}${pad(s(r.seconds), 10)}${pad(Math.round(r.total / r.seconds), 10)}` +
      `${pad(Math.round(r.cpu), 14)}${pad(r.pgCpu == null ? '—' : Math.round(r.pgCpu), 12)}` +
      pad(`${r.peak.toFixed(0)} MB`, 11),
  )
  const before = name.endsWith(' after') ? medians[name.replace(/ after$/, ' before')] : null
  if (before)
    console.log(
      `  after/before: time ×${(r.seconds / before.seconds).toFixed(2)}, ` +
        `CPU per message ×${(r.cpu / before.cpu).toFixed(2)}, peak RSS ×${(r.peak / before.peak).toFixed(2)}`,
    )
  if (name.includes(' mixed')) {
    const alone = medians[name.replace(' mixed', ' email')]
    const aloneHooks = medians[name.replace(' mixed', ' webhook')]
    const ratio = alone ? ` (alone ${s(alone.seconds)}, ×${(r.subEmailSeconds / alone.seconds).toFixed(2)})` : ''
    console.log(
      `  in the mix: subscriber emails ${s(r.subEmailSeconds)}${ratio}, ` +
        `subscriber webhooks ${s(r.subHookSeconds)}${aloneHooks ? ` (alone ${s(aloneHooks.seconds)})` : ''}, ` +
        `other emails ${s(r.otherEmailSeconds)}, other webhooks ${s(r.otherHookSeconds)}`,
    )
  }
}
console.log(
  '\nTargets: 100,000 emails < 30 s, 10,000 webhooks < 3 s. ' +
    'CPU per message is the figure that holds on a busy machine.',
)
process.exit(0)

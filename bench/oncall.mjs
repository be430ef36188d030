// On-call: "who is on call at T" for 1,000 schedules × 5 layers × every hour of a year, and
// 10,000 concurrent escalations run to completion with a fast clock (pure state machine, then
// through the database and the jobs). Each phase runs in its own process so its peak RSS is its own.
// Knobs: SCHEDULES (1000), PAGES (10000), ENGINES (pglite,postgres), TEST_DATABASE_URL.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { machine } from './_machine.mjs'

const self = fileURLToPath(import.meta.url)
const SCHEDULES = Number(process.env.SCHEDULES ?? 1000)
const PAGES = Number(process.env.PAGES ?? 10_000)
const HOUR = 3_600_000
const MIN = 60_000
const YEAR_FROM = Date.parse('2026-01-01T00:00:00Z')
const YEAR_TO = Date.parse('2027-01-01T00:00:00Z')
const peakRssMb = () => process.resourceUsage().maxRSS / 1024

function prng(seed) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const zones = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'Europe/London',
  'UTC',
]
const units = [
  { unit: 'hours', length: 8 },
  { unit: 'hours', length: 12 },
  { unit: 'days', length: 1 },
  { unit: 'weeks', length: 1 },
  { unit: 'days', length: 2 },
]

/** A mix like real teams have: rotations of every unit, office-hours and weekend layers, a few overrides. */
function makeSchedules(count) {
  const random = prng(42)
  const pick = (list) => list[Math.floor(random() * list.length)]
  return Array.from({ length: count }, (_, s) => ({
    id: `s${s}`,
    timeZone: 'UTC',
    layers: Array.from({ length: 5 }, (_, l) => ({
      id: `s${s}-l${l}`,
      participants: Array.from({ length: 2 + Math.floor(random() * 5) }, (_, p) => `u${s}-${l}-${p}`),
      shiftLength: pick(units),
      startAt: new Date(YEAR_FROM - Math.floor(random() * 30) * 24 * HOUR + Math.floor(random() * 24) * HOUR),
      timeZone: pick(zones),
      restrictions:
        l === 3
          ? [1, 2, 3, 4, 5].map((d) => ({
              kind: 'weekly',
              startDay: d,
              startTime: '09:00',
              endDay: d,
              endTime: '17:00',
            }))
          : l === 4
            ? [{ kind: 'weekly', startDay: 6, startTime: '00:00', endDay: 1, endTime: '00:00' }]
            : [],
    })),
    overrides: Array.from({ length: Math.floor(random() * 4) }, (_, o) => {
      const start = YEAR_FROM + Math.floor(random() * 360) * 24 * HOUR
      return {
        id: `s${s}-o${o}`,
        userId: `cover${o}`,
        startAt: new Date(start),
        endAt: new Date(start + (4 + Math.floor(random() * 48)) * HOUR),
      }
    }),
  }))
}

async function lookupDirect() {
  const { whoIsOnCall } = await import('../dist/domain/oncall/who-is-on-call.js')
  const schedules = makeSchedules(SCHEDULES)
  let lookups = 0
  let onCall = 0
  const started = performance.now()
  for (const schedule of schedules) {
    for (let t = YEAR_FROM; t < YEAR_TO; t += HOUR) {
      if (whoIsOnCall(schedule, new Date(t))) onCall++
      lookups++
    }
  }
  const seconds = (performance.now() - started) / 1000
  return {
    phase: 'who is on call, direct (rotation math per lookup)',
    lookups,
    seconds,
    opsPerSecond: lookups / seconds,
    note: `${onCall} lookups found someone`,
    peakRssMb: peakRssMb(),
  }
}

async function lookupTimeline() {
  const { compileTimeline } = await import('../dist/domain/oncall/schedule-timeline.js')
  const { whoIsOnCall } = await import('../dist/domain/oncall/who-is-on-call.js')
  const schedules = makeSchedules(SCHEDULES)
  const compileStarted = performance.now()
  const timelines = schedules.map((s) => compileTimeline(s, new Date(YEAR_FROM), new Date(YEAR_TO)))
  const compileSeconds = (performance.now() - compileStarted) / 1000
  let lookups = 0
  const started = performance.now()
  for (const timeline of timelines) {
    for (let t = YEAR_FROM; t < YEAR_TO; t += HOUR) {
      timeline.at(t)
      lookups++
    }
  }
  const seconds = (performance.now() - started) / 1000
  // Spot check: the rendered timeline and the direct lookup must agree.
  const random = prng(7)
  let mismatches = 0
  for (let i = 0; i < 20_000; i++) {
    const s = Math.floor(random() * schedules.length)
    const t = YEAR_FROM + Math.floor(random() * (YEAR_TO - YEAR_FROM))
    if ((whoIsOnCall(schedules[s], new Date(t))?.userId ?? null) !== timelines[s].at(t)) mismatches++
  }
  return {
    phase: 'who is on call, rendered year + binary search',
    lookups,
    seconds,
    opsPerSecond: lookups / seconds,
    note:
      `rendering ${schedules.length} schedule-years took ${compileSeconds.toFixed(1)} s ` +
      `(${((compileSeconds * 1000) / schedules.length).toFixed(1)} ms each); ` +
      `${mismatches} mismatches in 20,000 spot checks`,
    peakRssMb: peakRssMb(),
  }
}

const benchPolicy = (ids) => ({
  id: 'p',
  name: 'bench',
  levels: [
    { ackTimeoutMinutes: 5, targets: [{ kind: 'schedule', scheduleId: ids.schedule }] },
    { ackTimeoutMinutes: 10, targets: [{ kind: 'user', userId: ids.lead }] },
  ],
  repeatCount: 1,
  fallbackTargets: [{ kind: 'user', userId: ids.boss }],
})

/** Who acknowledges when: half the pages at a random minute within the walk, the rest run out to the fallback. */
function ackPlan(count) {
  const random = prng(99)
  return Array.from({ length: count }, () => (random() < 0.5 ? 1 + Math.floor(random() * 30) : null))
}

async function escalationsDomain() {
  const { startEscalation, step } = await import('../dist/domain/oncall/escalation.js')
  const policy = benchPolicy({ schedule: 's', lead: 'lead', boss: 'boss' })
  const plan = ackPlan(PAGES)
  let now = YEAR_FROM
  let steps = 0
  let calls = 0
  let notifies = 0
  const started = performance.now()
  const states = plan.map(() => {
    const r = startEscalation(policy, new Date(now))
    notifies++
    steps++
    return r.state
  })
  let open = states.length
  for (let minute = 1; open > 0; minute++) {
    now += MIN
    const at = new Date(now)
    for (let i = 0; i < states.length; i++) {
      const state = states[i]
      if (state.status !== 'triggered' || state.isExhausted) continue
      const event = plan[i] === minute ? { type: 'acknowledge', by: 'someone' } : { type: 'timeout-due' }
      const r = step(state, event, at)
      calls++
      if (!r.ignoredBecause) steps++
      notifies += r.actions.filter((a) => a.type === 'notify').length
      states[i] = r.state
      if (r.state.status !== 'triggered' || r.state.isExhausted) open--
    }
  }
  const seconds = (performance.now() - started) / 1000
  const acked = states.filter((s) => s.status === 'acknowledged').length
  return {
    phase: `${PAGES} escalations, pure state machine, 1-minute ticks`,
    lookups: steps,
    seconds,
    opsPerSecond: steps / seconds,
    note:
      `operations are state changes (${calls.toLocaleString('en')} step() calls in all, early timeouts ignored); ` +
      `${acked} acknowledged, ${PAGES - acked} exhausted after the fallback; ${notifies} level notifications`,
    peakRssMb: peakRssMb(),
  }
}

async function openBenchDatabase(engine) {
  const { embeddedHandle, postgresHandle } = await import('../dist/store/database.js')
  const { migrate } = await import('../dist/store/migrate.js')
  if (engine === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite')
    const handle = embeddedHandle(await PGlite.create(), { closeEngine: true })
    await migrate(handle)
    return { handle, drop: async () => handle.close() }
  }
  const pg = (await import('pg')).default
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const schema = `bench_oncall_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE SCHEMA "${schema}"`)
  await admin.end()
  const handle = postgresHandle(new pg.Pool({ connectionString: url, max: 8, options: `-c search_path=${schema}` }))
  await migrate(handle)
  return {
    handle,
    drop: async () => {
      await handle.close()
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`DROP SCHEMA "${schema}" CASCADE`)
      await c.end()
    },
  }
}

async function escalationsDatabase(engine) {
  const { createStore } = await import('../dist/store/store.js')
  const { systemContext } = await import('../dist/app/context.js')
  const { openPages } = await import('../dist/app/oncall/page-escalation-policy.js')
  const { respond } = await import('../dist/app/oncall/respond-to-page.js')
  const { pagingBatch } = await import('../dist/app/oncall/paging-batch.js')
  const { advanceDueEscalations } = await import('../dist/jobs/escalation-timers.js')
  const { sendDuePageNotifications } = await import('../dist/jobs/page-notifications.js')
  const { ChannelRegistry } = await import('../dist/delivery/channels/channel-registry.js')
  const { handle, drop } = await openBenchDatabase(engine)
  try {
    const store = createStore(handle.db)
    const logger = { warn() {}, error() {}, info() {} }
    const deps = { store, logger, secret: 'bench-secret-bench-secret-bench-secret', baseUrl: 'http://bench.test' }
    const org = await store.organisations.create({ slug: 'bench', name: 'Bench' })
    const db = handle.db
    const users = []
    for (const name of ['ana', 'ben', 'lead', 'boss']) {
      const u = await db
        .insertInto('users')
        .values({ email: `${name}@bench.test`, name })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db.insertInto('memberships').values({ org_id: org.id, user_id: u.id, role: 'responder' }).execute()
      users.push(u.id)
    }
    const [ana, ben, lead, boss] = users
    const oncall = store.forOrg(org.id).oncall
    const schedule = await oncall.schedules.create({ name: 'Primary', description: '', timeZone: 'UTC' })
    await oncall.schedules.replaceLayers(schedule.id, [
      {
        name: '',
        shiftUnit: 'days',
        shiftLength: 1,
        startAt: new Date(YEAR_FROM),
        endAt: null,
        timeZone: 'Europe/Berlin',
        restrictions: [],
        participantIds: [ana, ben],
      },
    ])
    const policyRow = await oncall.policies.create({ name: 'bench', description: '', repeatCount: 1 })
    const policy = benchPolicy({ schedule: schedule.id, lead, boss })
    await oncall.policies.replaceLevels(policyRow.id, policy.levels, policy.fallbackTargets)
    for (const [userId, delay] of [
      [ana, 0],
      [ben, 0],
      [lead, 0],
      [boss, 0],
      [ana, 2],
    ]) {
      await oncall.people.addContactMethod({
        userId,
        kind: delay ? 'webhook' : 'email',
        address: delay ? 'https://hooks.bench.test/x' : 'x@bench.test',
        delayMinutes: delay,
        secret: delay ? 'whsec_bench' : null,
      })
    }
    let delivered = 0
    const channel = (kind) => ({ kind, send: async () => (delivered++, { ok: true }) })
    const channels = new ChannelRegistry().register(channel('email')).register(channel('webhook'))

    let now = YEAR_FROM + 9 * HOUR
    const plan = ackPlan(PAGES)
    const started = performance.now()
    // Alerts arrive in groups (an Alertmanager notification carries many): 100 pages per transaction, 4 at a time.
    const pageIds = []
    const ctx = systemContext(org.id, new Date(now), 'bench')
    const groups = Array.from({ length: Math.ceil(PAGES / 100) }, (_, g) =>
      Array.from({ length: Math.min(100, PAGES - g * 100) }, (_, i) => ({
        policyId: policyRow.id,
        summary: `bench ${g * 100 + i}`,
      })),
    )
    let next = 0
    const opened = new Array(groups.length)
    await Promise.all(
      Array.from({ length: engine === 'postgres' ? 4 : 1 }, async () => {
        for (let g = next++; g < groups.length; g = next++)
          opened[g] = await store.transaction(org.id, (tx) => openPages(tx.oncall, ctx, groups[g]))
      }),
    )
    for (const ids of opened) pageIds.push(...ids)
    const openedSeconds = (performance.now() - started) / 1000
    let steps = PAGES
    await sendDuePageNotifications(deps, channels, new Date(now), { batchSize: 1000, concurrency: 256 })
    for (let minute = 1; minute <= 40; minute++) {
      now += MIN
      const at = new Date(now)
      const acks = plan.flatMap((m, i) => (m === minute ? [pageIds[i]] : []))
      for (let i = 0; i < acks.length; i += 200) {
        await store.transaction(org.id, async (tx) => {
          const batch = pagingBatch(tx.oncall, at)
          for (const id of acks.slice(i, i + 200))
            await respond(tx.oncall, id, 'acknowledge', { userId: lead, actorName: 'lead', via: 'bench' }, at, batch)
          await batch.flush()
        })
      }
      steps += acks.length
      steps += await advanceDueEscalations(deps, at, { batchSize: 500 })
      await sendDuePageNotifications(deps, channels, at, { batchSize: 1000, concurrency: 256 })
    }
    const seconds = (performance.now() - started) / 1000
    const counts = await db
      .selectFrom('oncall_pages')
      .select(['status', 'is_exhausted', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['status', 'is_exhausted'])
      .execute()
    const left = await db
      .selectFrom('oncall_pages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('due_at', 'is not', null)
      .executeTakeFirst()
    return {
      phase:
        `${PAGES} escalations through ${engine}: ` +
        'pages opened, timers claimed with SKIP LOCKED, notifications sent',
      lookups: steps,
      seconds,
      opsPerSecond: steps / seconds,
      note:
        `opening took ${openedSeconds.toFixed(1)} s (${(PAGES / openedSeconds).toFixed(0)} pages/s); ` +
        `${delivered} notifications delivered; end state ` +
        counts.map((c) => `${c.status}${c.is_exhausted ? '/exhausted' : ''}=${c.n}`).join(' ') +
        `; ${left.n} timers left`,
      peakRssMb: peakRssMb(),
    }
  } finally {
    await drop()
  }
}

const phases = {
  'lookup-direct': lookupDirect,
  'lookup-timeline': lookupTimeline,
  'escalations-domain': escalationsDomain,
  'escalations-pglite': () => escalationsDatabase('pglite'),
  'escalations-postgres': () => escalationsDatabase('postgres'),
}

const phaseArg = process.argv.indexOf('--phase')
if (phaseArg !== -1) {
  const result = await phases[process.argv[phaseArg + 1]]()
  process.stdout.write(`${JSON.stringify(result)}\n`)
  process.exit(0)
}

async function runPhase(name) {
  const child = spawn(process.execPath, [self, '--phase', name], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TZ: 'UTC' },
  })
  let out = ''
  child.stdout.on('data', (c) => (out += c))
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0) return { phase: name, error: `exited ${code}` }
  return JSON.parse(out.trim().split('\n').at(-1))
}

console.log(`on-call benchmark — ${machine()}`)
console.log(
  `${SCHEDULES} schedules × 5 layers × ${(YEAR_TO - YEAR_FROM) / HOUR} hourly instants; ` +
    `${PAGES} concurrent escalations (2 levels, repeated once, then a fallback; half acknowledged)`,
)
const engines = (process.env.ENGINES ?? 'pglite,postgres').split(',').filter(Boolean)
for (const name of [
  'lookup-direct',
  'lookup-timeline',
  'escalations-domain',
  ...engines.map((e) => `escalations-${e}`),
]) {
  const r = await runPhase(name)
  if (r.error) {
    console.log(`- ${name}: ${r.error}`)
    continue
  }
  console.log(
    `- ${r.phase}\n    ${r.lookups.toLocaleString('en')} operations in ${r.seconds.toFixed(2)} s = ` +
      `${Math.round(r.opsPerSecond).toLocaleString('en')} ops/s, peak RSS ${r.peakRssMb.toFixed(0)} MB\n    ${r.note}`,
  )
}

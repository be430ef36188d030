// Time from process start to the first 200 on /healthz, and idle RSS, on PGlite (fresh and reopened) and PostgreSQL.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { machine, median, rssMb } from './_machine.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const runs = Number(process.env.RUNS ?? 3)
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function startOnce(env) {
  const started = performance.now()
  const child = spawn(process.execPath, ['dist/cli/main.js', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c
      const m = /running at (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1].replace('localhost', '127.0.0.1'))
    })
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
  for (;;) {
    const r = await fetch(`${url}/healthz`).catch(() => null)
    if (r?.status === 200) break
    await new Promise((r) => setTimeout(r, 10))
  }
  const ms = performance.now() - started
  await new Promise((r) => setTimeout(r, 2000))
  const rss = rssMb(child.pid)
  child.kill('SIGINT')
  await new Promise((r) => child.once('exit', r))
  return { ms, rss }
}

async function series(label, makeEnv) {
  const results = []
  for (let i = 0; i < runs; i++) {
    process.stdout.write(`\r${label}: run ${i + 1}/${runs}…`)
    results.push(await startOnce(await makeEnv(i)))
  }
  const line = `${label.padEnd(28)} start→200 median ${median(results.map((r) => r.ms))
    .toFixed(0)
    .padStart(
      5,
    )} ms   idle RSS median ${median(results.map((r) => r.rss)).toFixed(0)} MB   (runs: ${results.map((r) => r.ms.toFixed(0)).join(', ')} ms)`
  process.stdout.write(`\r${line}\n`)
}

console.log(`startup benchmark — ${machine()}`)
await series('PGlite, first start (empty)', () => ({
  DATA_DIR: join(mkdtempSync(join(tmpdir(), 'candor-bench-')), 'data'),
}))
const reused = join(mkdtempSync(join(tmpdir(), 'candor-bench-')), 'data')
await startOnce({ DATA_DIR: reused })
await series('PGlite, restart (existing)', () => ({ DATA_DIR: reused }))
const admin = new pg.Client({ connectionString: pgUrl })
try {
  await admin.connect()
  const schemas = []
  await series('PostgreSQL, first start', async (i) => {
    const schema = `bench_startup_${Date.now()}_${i}`
    schemas.push(schema)
    await admin.query(`CREATE SCHEMA ${schema}`)
    return { DATABASE_URL: `${pgUrl}?options=-c%20search_path%3D${schema}` }
  })
  await series('PostgreSQL, restart', () => ({ DATABASE_URL: `${pgUrl}?options=-c%20search_path%3D${schemas[0]}` }))
  for (const s of schemas) await admin.query(`DROP SCHEMA ${s} CASCADE`)
} catch (error) {
  console.log(`PostgreSQL: skipped (${error.message})`)
} finally {
  await admin.end().catch(() => {})
}

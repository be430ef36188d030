// Time from process start to the first 200 on /healthz, and idle RSS, on PGlite (fresh and reopened) and PostgreSQL.
// BASELINE_ROOT=<another build of Candor> runs it too, run for run in turns, so before/after share the machine's mood.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { machine, median, rssMb } from './_machine.mjs'

const here = fileURLToPath(new URL('..', import.meta.url))
const roots = [
  ...(process.env.BASELINE_ROOT ? [{ name: 'before', dir: process.env.BASELINE_ROOT }] : []),
  { name: process.env.BASELINE_ROOT ? 'after' : '', dir: here },
]
const runs = Number(process.env.RUNS ?? 3)
/** Seconds after the first 200 before RSS is read: the server is idle by then. */
const settleSeconds = Number(process.env.SETTLE_SECONDS ?? 5)
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function startOnce(root, env) {
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
  await new Promise((r) => setTimeout(r, settleSeconds * 1000))
  const rss = rssMb(child.pid)
  child.kill('SIGINT')
  await new Promise((r) => child.once('exit', r))
  return { ms, rss }
}

async function series(label, makeEnv) {
  const results = new Map(roots.map((root) => [root, []]))
  for (let i = 0; i < runs; i++) {
    for (const root of roots) {
      process.stdout.write(`\r${label}${root.name ? ` (${root.name})` : ''}: run ${i + 1}/${runs}…`)
      results.get(root).push(await startOnce(root.dir, await makeEnv(i, root)))
    }
  }
  for (const root of roots) {
    const rs = results.get(root)
    const name = `${label}${root.name ? ` — ${root.name}` : ''}`
    const ms = median(rs.map((r) => r.ms)).toFixed(0)
    const rss = median(rs.map((r) => r.rss)).toFixed(0)
    const each = rs.map((r) => `${r.ms.toFixed(0)} ms/${r.rss.toFixed(0)} MB`).join(', ')
    process.stdout.write(
      `\r${name.padEnd(38)} start→200 median ${ms.padStart(5)} ms   idle RSS median ${rss} MB   (${each})\n`,
    )
  }
}

console.log(`startup benchmark — ${machine()}; idle RSS read ${settleSeconds} s after the first 200, median of ${runs}`)
await series('PGlite, first start (empty)', () => ({
  DATA_DIR: join(mkdtempSync(join(tmpdir(), 'candor-bench-')), 'data'),
}))
const reused = new Map(roots.map((root) => [root, join(mkdtempSync(join(tmpdir(), 'candor-bench-')), 'data')]))
for (const root of roots) await startOnce(root.dir, { DATA_DIR: reused.get(root) })
await series('PGlite, restart (existing)', (_i, root) => ({ DATA_DIR: reused.get(root) }))
const admin = new pg.Client({ connectionString: pgUrl })
try {
  await admin.connect()
  const schemas = new Map(roots.map((root) => [root, []]))
  await series('PostgreSQL, first start', async (i, root) => {
    const schema = `bench_startup_${Date.now()}_${i}`
    schemas.get(root).push(schema)
    await admin.query(`CREATE SCHEMA ${schema}`)
    return { DATABASE_URL: `${pgUrl}?options=-c%20search_path%3D${schema}` }
  })
  await series('PostgreSQL, restart', (_i, root) => ({
    DATABASE_URL: `${pgUrl}?options=-c%20search_path%3D${schemas.get(root)[0]}`,
  }))
  for (const s of [...schemas.values()].flat()) await admin.query(`DROP SCHEMA ${s} CASCADE`)
} catch (error) {
  console.log(`PostgreSQL: skipped (${error.message})`)
} finally {
  await admin.end().catch(() => {})
}

import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { loadConfig } from '../../src/config.js'
import { hashToken } from '../../src/http/authenticate.js'
import { createLogger } from '../../src/logger.js'
import { buildDeps } from '../../src/wiring/build-deps.js'
import { openDatabase, type DatabaseHandle } from '../../src/store/database.js'
import { migrate } from '../../src/store/migrate.js'
import type { Engine } from '../support/databases.js'
import { postgresUrl } from '../support/databases.js'
import { cleanEnv, projectRoot, type ServerProcess } from '../support/server-process.js'

/**
 * A database of its own on disk (PGlite) or in its own schema (PostgreSQL), shared by this test and the child
 * processes.
 */
export async function placeForEngine(engine: Engine) {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'candor-crash-'))
    return {
      env: { DATA_DIR: dir } as Record<string, string>,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const url = postgresUrl()!
  const schema = `crash_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const scoped = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  return {
    env: { DATABASE_URL: scoped } as Record<string, string>,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`DROP SCHEMA ${schema} CASCADE`)
      await client.end()
    },
  }
}

export async function openPlace(env: Record<string, string>, extra: Record<string, string> = {}) {
  const config = loadConfig(
    { BASE_URL: 'http://status.crash.test', LOG_LEVEL: 'silent', ...env, ...extra },
    '/nonexistent',
  )
  const database: DatabaseHandle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await migrate(database)
  const deps = await buildDeps(database, config, createLogger('silent'))
  return { database, deps }
}

/** An organisation with an owner token, a page, and `count` active subscribers on one channel. */
export async function seedFanOut(
  place: Awaited<ReturnType<typeof openPlace>>,
  channel: 'email' | 'webhook',
  count: number,
  webhookUrl = '',
) {
  const { deps } = place
  const org = await deps.store.organisations.create({
    slug: `crash-${randomBytes(3).toString('hex')}`,
    name: 'Crash test',
  })
  const token = `crash_${randomBytes(16).toString('hex')}`
  await deps.store.tokens.create({ orgId: org.id, name: 'crash test', tokenHash: hashToken(token), role: 'owner' })
  const page = await deps.store
    .forOrg(org.id)
    .pages.create({ slug: `crash-${randomBytes(3).toString('hex')}`, name: 'Acme Cloud' })
  const address = channel === 'email' ? sql`'user' || g || '@example.com'` : sql`${`${webhookUrl}/hook/`} || g`
  await sql`INSERT INTO subscribers (org_id, page_id, channel, address, address_key, state, secret, confirmed_at)
    SELECT ${org.id}::uuid, ${page.id}::uuid, ${channel}, ${address},
    ${address}, 'active', ${channel === 'email' ? null : 'whsec_crash'}, now()
    FROM generate_series(1, ${count}) g`.execute(deps.store.db)
  return { orgId: org.id, pageId: page.id, auth: { authorization: `Bearer ${token}` } }
}

/** `candor deliver` as a user would start it, in its own process group so kill -9 takes it all. */
export async function startDeliverNode(env: Record<string, string>, settings: object): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['dist/cli/main.js', 'deliver', '--settings', JSON.stringify(settings)], {
    cwd: projectRoot,
    env: cleanEnv({ LOG_LEVEL: 'warn', ...env }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  child.stdout!.on('data', (c) => (text += c))
  child.stderr!.on('data', (c) => (text += c))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`delivery worker did not start:\n${text}`)), 60_000)
    const check = () => /delivery worker is running/.test(text) && (clearTimeout(timer), resolve())
    child.stdout!.on('data', check)
    void exited.then((code) => reject(new Error(`delivery worker exited with ${code}:\n${text}`)))
  })
  return {
    child,
    url: '',
    output: () => text,
    async stop(signal = 'SIGINT') {
      if (child.exitCode !== null) return child.exitCode
      process.kill(-child.pid!, signal)
      return exited
    },
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

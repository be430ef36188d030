import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { guardedDialect } from './guarded-driver.js'
import { preparingPool } from './prepared-statements.js'
import type { Database, Db } from './schema/index.js'

/** One handle over either engine; everything above the store sees only `db`. */
export interface DatabaseHandle {
  engine: 'pglite' | 'postgres'
  db: Db
  /** Runs a multi-statement SQL script (migrations). Kysely's drivers speak one statement at a time. */
  execScript(script: string): Promise<void>
  /** Serialises migrations when several app nodes start together. */
  withMigrationLock<T>(fn: () => Promise<T>): Promise<T>
  ping(): Promise<boolean>
  close(): Promise<void>
  /** Raw access for adapters that need engine features (LISTEN/NOTIFY). */
  pglite?: PGlite
  pool?: pg.Pool
}

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError'
}

const embeddedMajor = '17'

/** How long a query waits for a connection (PGlite has one) before it fails, naming who waited. */
const acquireTimeoutMs = 10_000
/**
 * PostgreSQL's own limits, so a statement stuck on a lock or a transaction left idle is cut by
 * the server too, not only by the time limit in run-transaction.ts.
 */
const serverLimits =
  'SET statement_timeout = 20000; SET lock_timeout = 15000; SET idle_in_transaction_session_timeout = 30000'

// timestamptz comes back as Date and date as 'YYYY-MM-DD' on both engines.
pg.types.setTypeParser(1082, (value: string) => value)
export const pgliteParsers = { 1082: (value: string) => value }

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options.dataDir)
}

function checkDataDir(dataDir: string) {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true })
    return
  }
  const entries = readdirSync(dataDir).filter((name) => !name.startsWith('.'))
  if (entries.length === 0) return
  const versionFile = join(dataDir, 'PG_VERSION')
  if (!existsSync(versionFile)) {
    throw new DatabaseOpenError(
      `DATA_DIR ${dataDir} is not a Candor data directory (it holds other files ` +
        `and no PG_VERSION); point DATA_DIR at an empty or Candor-created folder`,
    )
  }
  const major = readFileSync(versionFile, 'utf8').trim()
  if (major !== embeddedMajor) {
    throw new DatabaseOpenError(
      `DATA_DIR ${dataDir} was created by PostgreSQL ${major}, not by Candor's embedded ` +
        `database (PostgreSQL ${embeddedMajor}); use DATABASE_URL to run on that server instead`,
    )
  }
}

/**
 * The embedded PostgreSQL's memory settings. Its WebAssembly heap only grows: every page
 * PostgreSQL ever touched stays resident, so these bound the idle RSS (DESIGN.md, "Embedded
 * database memory"). Candor's working set is small and the kernel's page cache sits behind
 * PGlite's file reads, so 16 MB of shared buffers loses nothing the status page (served from
 * snapshots) or the outbox would notice; index builds in migrations stay under 16 MB.
 */
export const embeddedStartParams = [
  ...PGlite.defaultStartParams,
  ...[
    'shared_buffers=16MB',
    'wal_buffers=1MB',
    'work_mem=4MB',
    'maintenance_work_mem=16MB',
    'temp_buffers=1MB',
  ].flatMap((setting) => ['-c', setting]),
]

/** Candor's own folder (src/store or dist/store is two below it), where its node_modules are. */
const packageRoot = fileURLToPath(new URL('../..', import.meta.url))

/**
 * A new data folder is made by initdb in a process of its own: in this one it would leave a
 * second PostgreSQL's heap and a copy of the folder behind (about 400 MB that stays resident),
 * while a child gives all of it back when it exits. This process then opens the folder as on
 * any restart.
 */
async function initdbInChildProcess(dataDir: string): Promise<void> {
  const script = `const { PGlite } = await import('@electric-sql/pglite')
    const pg = await PGlite.create({ dataDir: process.argv[1] })
    await pg.close()`
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, resolve(dataDir)], {
    cwd: packageRoot,
    timeout: 120_000,
  })
}

/** Data folders this process holds open: a lock file naming this pid anywhere else is left from an earlier run. */
const lockedHere = new Set<string>()

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A killed process that nobody has reaped yet (a zombie, or one still dying) answers signal 0 but holds no
  // files: where the kernel says so (Linux), it does not hold the folder either.
  try {
    const state = /\)\s+(\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1]
    return state !== 'Z' && state !== 'X'
  } catch {
    return true
  }
}

/**
 * One process at a time per data folder: a second PGlite on the same files (a second
 * `candor serve`, or a backup or copy while Candor runs) would replay the WAL under the first
 * one's feet and corrupt both. PGlite keeps no lock of its own (its postmaster.pid is a
 * constant), so Candor writes `.candor.lock` with its pid; one whose process is gone is stale.
 */
function lockDataDir(dataDir: string): () => void {
  const key = resolve(dataDir)
  const file = join(dataDir, '.candor.lock')
  if (lockedHere.has(key)) throw new DatabaseOpenError(`the embedded database in ${dataDir} is already open here`)
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' })
      lockedHere.add(key)
      return () => {
        lockedHere.delete(key)
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file)
        } catch {}
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error
    }
    const pid = Number(readFileSync(file, 'utf8').trim())
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new DatabaseOpenError(
        `the embedded database in ${dataDir} is in use by another process (pid ${pid}): stop that Candor first. ` +
          `If no Candor is running, delete ${file}`,
      )
    }
    unlinkSync(file)
  }
}

async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  checkDataDir(dataDir)
  const unlock = lockDataDir(dataDir)
  let pglite: PGlite | undefined
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await initdbInChildProcess(dataDir)
    pglite = await PGlite.create({ dataDir, parsers: pgliteParsers, startParams: embeddedStartParams })
    await pglite.query('select 1')
  } catch (error) {
    await pglite?.close().catch(() => undefined)
    unlock()
    throw new DatabaseOpenError(
      `the embedded database in ${dataDir} could not be opened (${describe(error)}` +
        `); the folder may be corrupt — restore it from a backup or move it away`,
    )
  }
  const handle = embeddedHandle(pglite, { closeEngine: true })
  const close = handle.close
  handle.close = () => close().finally(unlock)
  return handle
}

const currentSchema = new WeakMap<PGlite, string>()

/**
 * Tests share one PGlite per file with a schema per handle; the session's search_path is one
 * setting, so each handle switches it to its own schema when it takes the connection.
 */
class SchemaPGliteDialect extends PGliteDialect {
  constructor(
    private readonly engine: PGlite,
    private readonly schema: string,
  ) {
    super(engine)
  }
  override createDriver() {
    const driver = super.createDriver()
    const acquire = driver.acquireConnection.bind(driver)
    driver.acquireConnection = async () => {
      const connection = await acquire()
      if (currentSchema.get(this.engine) !== this.schema) {
        await this.engine.exec(`SET search_path TO "${this.schema}"`)
        currentSchema.set(this.engine, this.schema)
      }
      return connection
    }
    return driver
  }
}

/** Also used by tests, which share one PGlite per file and give each test its own schema. */
export function embeddedHandle(
  pglite: PGlite,
  options: { closeEngine: boolean; schema?: string; acquireTimeoutMs?: number },
): DatabaseHandle {
  const schemaPrefix = options.schema ? `SET search_path TO "${options.schema}";\n` : ''
  const dialect = options.schema ? new SchemaPGliteDialect(pglite, options.schema) : new PGliteDialect(pglite)
  const db = new Kysely<Database>({
    dialect: guardedDialect(dialect, { acquireTimeoutMs: options.acquireTimeoutMs ?? acquireTimeoutMs }),
  })
  return {
    engine: 'pglite',
    db,
    pglite,
    async execScript(script) {
      await db.connection().execute(async () => {
        try {
          await pglite.exec(`${schemaPrefix}BEGIN;\n${script}\nCOMMIT;`)
          if (options.schema) currentSchema.set(pglite, options.schema)
        } catch (error) {
          await pglite.exec('ROLLBACK;').catch(() => undefined)
          throw error
        }
      })
    },
    withMigrationLock: (fn) => fn(),
    ping: () => pingDb(db),
    // Kysely's destroy closes the PGlite it wraps; a shared test instance must outlive this handle.
    close: async () => {
      if (options.closeEngine) await db.destroy().catch(() => undefined)
    },
  }
}

async function openPostgres(databaseUrl: string): Promise<DatabaseHandle> {
  const handle = postgresHandle(new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 }))
  try {
    await sql`select 1`.execute(handle.db)
  } catch (error) {
    await handle.close()
    throw new DatabaseOpenError(`cannot connect to DATABASE_URL ${redactUrl(databaseUrl)}: ${describe(error)}`)
  }
  return handle
}

export function postgresHandle(pool: pg.Pool): DatabaseHandle {
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  // Queued on the new connection before anything else it runs: one round trip per connection, not per query.
  pool.on('connect', (client) => void client.query(serverLimits).catch(() => undefined))
  const dialect = new PostgresDialect({ pool: preparingPool(pool) })
  const db = new Kysely<Database>({ dialect: guardedDialect(dialect, { acquireTimeoutMs }) })
  return {
    engine: 'postgres',
    db,
    pool,
    async execScript(script) {
      const client = await pool.connect()
      try {
        // A migration may take longer than a request's statement limit.
        await client.query(`BEGIN;\nSET LOCAL statement_timeout = 0;\nSET LOCAL lock_timeout = 0;\n${script}\nCOMMIT;`)
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async withMigrationLock(fn) {
      const client = await pool.connect()
      try {
        // Another node may be migrating: wait for it as long as it takes.
        await client.query('SET statement_timeout = 0')
        await client.query('SELECT pg_advisory_lock(727001)')
        return await fn()
      } finally {
        await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined)
        await client.query(serverLimits).catch(() => undefined)
        client.release()
      }
    },
    ping: () => pingDb(db),
    close: () => db.destroy(),
  }
}

async function pingDb(db: Db): Promise<boolean> {
  try {
    await Promise.race([
      sql`select 1`.execute(db),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000).unref()),
    ])
    return true
  } catch {
    return false
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparseable URL)'
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0])
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, afterEach, describe, inject } from 'vitest'
import { embeddedHandle, pgliteParsers, postgresHandle, type DatabaseHandle } from '../../src/store/database.js'
import { migrate } from '../../src/store/migrate.js'

export type Engine = 'pglite' | 'postgres'
export const engines: Engine[] = ['pglite', 'postgres']

let sharedPglite: Promise<PGlite> | undefined
const opened: { handle: DatabaseHandle; drop: () => Promise<void> }[] = []

afterEach(async () => {
  for (const { handle, drop } of opened.splice(0)) {
    await handle.close().catch(() => undefined)
    await drop().catch(() => undefined)
  }
})
afterAll(async () => {
  if (sharedPglite) await (await sharedPglite).close()
  sharedPglite = undefined
})

export function postgresUrl(): string | null {
  return inject('postgresUrl')
}

/**
 * A fresh, migrated database in its own schema, closed and dropped after the test.
 * PGlite costs seconds to start, so one instance serves a whole test file, a schema per test.
 */
export async function openTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  let handle: DatabaseHandle
  let drop: () => Promise<void>
  if (engine === 'pglite') {
    sharedPglite ??= PGlite.create({
      parsers: pgliteParsers,
      loadDataDir: new Blob([readFileSync(inject('pgliteDataDir'))]),
    })
    const pglite = await sharedPglite
    await pglite.exec(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}";`)
    handle = embeddedHandle(pglite, { closeEngine: false, schema })
    drop = async () => void (await pglite.exec(`DROP SCHEMA "${schema}" CASCADE; SET search_path TO public;`))
  } else {
    const url = postgresUrl()
    if (!url) throw new Error('PostgreSQL is not available for this run')
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`CREATE SCHEMA "${schema}"`)
    await admin.end()
    handle = postgresHandle(new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` }))
    drop = async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`DROP SCHEMA "${schema}" CASCADE`)
      await client.end()
    }
  }
  opened.push({ handle, drop })
  if (options.migrate !== false) await migrate(handle)
  return handle
}

/** Declares the same suite once per engine; postgres suites are skipped (loudly, in global setup) only outside CI. */
export function forEachDatabase(body: (engine: Engine) => void, only: readonly Engine[] = engines) {
  for (const engine of engines.filter((e) => only.includes(e))) {
    const skip = engine === 'postgres' && !postgresUrl()
    describe.skipIf(skip)(`${engine}`, () => body(engine))
  }
}

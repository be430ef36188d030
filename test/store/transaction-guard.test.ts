import { sql } from 'kysely'
import { readFileSync } from 'node:fs'
import { describe, expect, inject, it } from 'vitest'
import { createStore } from '../../src/store/store.js'
import { assertOutsideTransaction, runOperation, TransactionRuleError } from '../../src/store/transaction-scope.js'
import { TransactionTimeoutError } from '../../src/store/run-transaction.js'
import { forEachDatabase, openTestDatabase } from '../support/databases.js'

function recordingLogger() {
  const lines: { fields: Record<string, unknown>; message: string }[] = []
  return { lines, error: (fields: Record<string, unknown>, message: string) => void lines.push({ fields, message }) }
}

async function scratch(engine: Parameters<typeof openTestDatabase>[0]) {
  const handle = await openTestDatabase(engine, { migrate: false })
  await sql`create table scratch (n int)`.execute(handle.db)
  return handle
}

const count = async (db: Parameters<ReturnType<typeof sql>['execute']>[0]) =>
  (await sql<{ n: number }>`select count(*)::int as n from scratch`.execute(db)).rows[0]!.n

forEachDatabase((engine) => {
  describe('transactions never wait on themselves', () => {
    it('refuses a second database call inside a transaction at once, naming the use case, and rolls back', async () => {
      const handle = await scratch(engine)
      const store = createStore(handle.db)
      const error = await store
        .run('declare incident', async (trx) => {
          await sql`insert into scratch values (1)`.execute(trx)
          await sql`select 1`.execute(handle.db)
        })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TransactionRuleError)
      expect((error as Error).message).toContain('"declare incident"')
      expect(await count(handle.db)).toBe(0)
    })

    it('takes the use case name from the operation when none is given', async () => {
      const handle = await scratch(engine)
      const store = createStore(handle.db)
      const error = await runOperation('POST /api/incidents', () =>
        store.run(undefined, async () => {
          await sql`select 1`.execute(handle.db)
        }),
      ).catch((e: unknown) => e)
      expect((error as Error).message).toContain('"POST /api/incidents"')
    })

    it('rolls back a transaction that outlives its limit, logs it, and carries on', async () => {
      const handle = await scratch(engine)
      const logger = recordingLogger()
      const store = createStore(handle.db, { transactionTimeoutMs: 200, logger })
      let release: () => void = () => undefined
      const stuck = new Promise<void>((resolve) => {
        release = resolve
      })
      let lateQuery: Promise<unknown> | undefined
      const error = await store
        .run('send notices', async (trx) => {
          await sql`insert into scratch values (1)`.execute(trx)
          await stuck
          lateQuery = sql`insert into scratch values (2)`.execute(trx)
          await lateQuery
        })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TransactionTimeoutError)
      expect(logger.lines).toHaveLength(1)
      expect(logger.lines[0]!.fields).toMatchObject({ useCase: 'send notices', limitMs: 200 })
      release()
      await expect(
        (async () => {
          while (!lateQuery) await new Promise((r) => setImmediate(r))
          return lateQuery
        })(),
      ).rejects.toThrow(/ran out of time|already rolled back/)
      expect(await count(handle.db)).toBe(0)
      await store.run('next one', (trx) => sql`insert into scratch values (3)`.execute(trx))
      expect(await count(handle.db)).toBe(1)
    })

    it('refuses network sends inside a transaction, and allows them after it', async () => {
      const handle = await scratch(engine)
      const store = createStore(handle.db)
      const inside = await store
        .run('publish update', async () => assertOutsideTransaction('an SMTP send'))
        .catch((e: unknown) => e)
      expect((inside as Error).message).toMatch(/an SMTP send inside the transaction of "publish update"/)
      expect(() => assertOutsideTransaction('an SMTP send')).not.toThrow()
    })
  })
})

describe('waiting for the embedded connection', () => {
  it('gives up after its limit, naming who waited, and the connection is not lost', async () => {
    const { embeddedHandle } = await import('../../src/store/database.js')
    const { PGlite } = await import('@electric-sql/pglite')
    const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject('pgliteDataDir'))]) })
    try {
      const handle = embeddedHandle(pglite, { closeEngine: false, acquireTimeoutMs: 150 })
      let release: () => void = () => undefined
      const held = handle.db.connection().execute(
        () =>
          new Promise<void>((resolve) => {
            release = resolve
          }),
      )
      const waited = await runOperation('GET /healthz', () => sql`select 1`.execute(handle.db)).catch((e) => e)
      expect((waited as Error).message).toMatch(/GET \/healthz waited 150 ms for a database connection/)
      release()
      await held
      expect((await sql<{ x: number }>`select 1 as x`.execute(handle.db)).rows[0]!.x).toBe(1)
    } finally {
      await pglite.close()
    }
  })
})

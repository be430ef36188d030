import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { preparedMarker } from '../../src/store/prepared-statements.js'
import { forEachDatabase, openTestDatabase } from '../support/databases.js'

const prepared = (text: string) =>
  sql<{ n: number }>`${sql.raw(preparedMarker)} SELECT ${sql.raw(text)}::int + ${1}::int AS n`

forEachDatabase((engine) => {
  describe('prepared statements', () => {
    it('runs a marked statement with new values each time, prepared once per connection on PostgreSQL', async () => {
      const handle = await openTestDatabase(engine, { migrate: false })
      try {
        await handle.db.connection().execute(async (db) => {
          const answers = []
          for (let i = 0; i < 3; i++)
            answers.push(
              (await sql<{ n: number }>`${sql.raw(preparedMarker)} SELECT ${i}::int * 10 AS n`.execute(db)).rows[0]!.n,
            )
          expect(answers).toEqual([0, 10, 20])
          expect((await prepared('41').execute(db)).rows[0]!.n).toBe(42)
          await sql`SELECT 1`.execute(db)
          if (engine === 'postgres') {
            const statements = await sql<{
              statement: string
            }>`SELECT statement FROM pg_prepared_statements ORDER BY prepare_time`.execute(db)
            // One per distinct text; unmarked statements are not kept.
            expect(statements.rows.map((r) => r.statement)).toEqual([
              `${preparedMarker} SELECT $1::int * 10 AS n`,
              `${preparedMarker} SELECT 41::int + $1::int AS n`,
            ])
          }
        })
      } finally {
        await handle.close()
      }
    })

    it('still answers errors as errors and leaves the connection usable', async () => {
      const handle = await openTestDatabase(engine, { migrate: false })
      try {
        await handle.db.connection().execute(async (db) => {
          await expect(sql`${sql.raw(preparedMarker)} SELECT 1 / ${0}::int`.execute(db)).rejects.toThrow(
            /division by zero/,
          )
          expect((await prepared('1').execute(db)).rows[0]!.n).toBe(2)
        })
      } finally {
        await handle.close()
      }
    })
  })
})

import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { translateDbError } from '../../src/store/db-errors.js'
import { forEachDatabase, openTestDatabase } from '../support/databases.js'

/** Each database error that outside input can cause must reach the caller as a 4xx-class AppError, never a 500. */
forEachDatabase((engine) => {
  describe('database errors from bad input', () => {
    const cases: [string, string, (value: string) => ReturnType<typeof sql>][] = [
      ['not a number', 'abc', (v) => sql`select ${v}::int as x`],
      ['a NUL byte in text', 'a\u0000b', (v) => sql`insert into scratch (body) values (${v})`],
      ['a broken regular expression', '(', (v) => sql`select 'a' ~ ${v} as x`],
      ['an impossible date', '2026-02-30', (v) => sql`select ${v}::date as x`],
      ['a number out of range', '99999999999', (v) => sql`select ${v}::int as x`],
    ]
    for (const [what, value, query] of cases) {
      it(`answers ${what} with VALIDATION`, async () => {
        const handle = await openTestDatabase(engine, { migrate: false })
        await sql`create table scratch (body text)`.execute(handle.db)
        const error = await query(value)
          .execute(handle.db)
          .then(
            () => null,
            (e: unknown) => e,
          )
        expect(error, `${what} should fail in the database`).not.toBeNull()
        expect(translateDbError(error)?.code, String((error as Error).message)).toBe('VALIDATION')
        const count = await sql<{ n: number }>`select count(*)::int as n from scratch`.execute(handle.db)
        expect(count.rows[0]!.n).toBe(0)
      })
    }
  })
})

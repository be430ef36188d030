import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { listMigrations, migrate } from '../../src/store/migrate.js'
import { forEachDatabase, openTestDatabase } from '../support/databases.js'

forEachDatabase((engine) => {
  describe('migrations', () => {
    it('apply every numbered file once and are a no-op the second time', async () => {
      const handle = await openTestDatabase(engine, { migrate: false })
      const first = await migrate(handle)
      expect(first.applied).toEqual(listMigrations().map((m) => m.name))
      const second = await migrate(handle)
      expect(second.applied).toEqual([])
      expect(second.alreadyApplied).toBe(first.applied.length)
    })

    it('create the core tables with timestamptz times and uuid ids', async () => {
      const handle = await openTestDatabase(engine)
      const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name in
        ('incidents', 'incident_updates', 'status_pages')`.execute(handle.db)
      const type = (table: string, column: string) =>
        columns.rows.find((c) => c.table_name === table && c.column_name === column)?.data_type
      expect(type('incidents', 'id')).toBe('uuid')
      expect(type('incidents', 'resolved_at')).toBe('timestamp with time zone')
      expect(type('incident_updates', 'body_technical')).toBe('text')
      expect(type('status_pages', 'branding')).toBe('jsonb')
    })

    it('roll back a failing migration completely', async () => {
      const handle = await openTestDatabase(engine)
      await expect(handle.execScript('CREATE TABLE half_done (id int); SELECT no_such_function();')).rejects.toThrow()
      const exists = await sql<{
        n: number
      }>`select count(*)::int as n from information_schema.tables where
      table_schema = current_schema() and table_name = 'half_done'`.execute(handle.db)
      expect(exists.rows[0]!.n).toBe(0)
    })
  })
})

describe('pglite: one engine, a schema per handle', () => {
  it('keeps two handles on one PGlite apart even when they alternate', async () => {
    const a = await openTestDatabase('pglite')
    const b = await openTestDatabase('pglite')
    await a.db.insertInto('organisations').values({ slug: 'in-a', name: 'A' }).execute()
    await b.db.insertInto('organisations').values({ slug: 'in-b', name: 'B' }).execute()
    await a.db.insertInto('organisations').values({ slug: 'in-a-2', name: 'A2' }).execute()
    const slugs = async (h: typeof a) =>
      (await h.db.selectFrom('organisations').select('slug').orderBy('slug').execute()).map((r) => r.slug)
    expect(await slugs(a)).toEqual(['in-a', 'in-a-2'])
    expect(await slugs(b)).toEqual(['in-b'])
  })
})

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/app/seed-demo.js'
import type { DatabaseHandle } from '../../src/store/database.js'
import { listMigrations, migrate } from '../../src/store/migrate.js'
import { backupDatabase, restoreBackup, type TransferProgress } from '../../src/store/transfer/index.js'
import { openTestDatabase, type Engine } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'

export const tmp = () => mkdtempSync(join(tmpdir(), 'candor-transfer-'))

/** Every Candor table's rows as PostgreSQL prints them, and every sequence's position. */
export async function contents(database: DatabaseHandle) {
  const tables = await sql<{ name: string }>`
    select relname as name from pg_class
    where relnamespace = (select oid from pg_namespace where nspname = current_schema()) and relkind = 'r'
      and relname not in ('schema_migrations')
    order by relname`.execute(database.db)
  const rows: Record<string, string[]> = {}
  for (const { name } of tables.rows) {
    const result = await sql<{ j: string }>`select to_jsonb(t)::text as j from ${sql.table(name)} t order by 1`.execute(
      database.db,
    )
    rows[name] = result.rows.map((r) => r.j)
  }
  const sequences: Record<string, string> = {}
  const seqs = await sql<{ name: string }>`
    select relname as name from pg_class
    where relnamespace = (select oid from pg_namespace where nspname = current_schema()) and relkind = 'S'`.execute(
    database.db,
  )
  for (const { name } of seqs.rows) {
    const value = await sql<{ v: string }>`select last_value::text || '/' || is_called::text as v from ${sql.table(
      name,
    )}`.execute(database.db)
    sequences[name] = value.rows[0]!.v
  }
  return { rows, sequences }
}

/** A realistic install: the demo organisation, an incident with updates through the API, outbox rows, audit rows. */
export async function populated(engine: Engine) {
  const t = await createTestApp(engine)
  await seedDemo(t.deps, t.clock.now)
  const page = await t.app.inject({
    method: 'POST',
    url: '/api/pages',
    headers: t.org.auth,
    payload: { slug: 'p', name: 'P' },
  })
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers: t.org.auth,
    payload: { title: 'Database latency', page_id: page.json().id, severity: 3, body: 'We are looking into it.' },
  })
  expect(created.statusCode).toBe(201)
  // Enough outbox rows to take several pages, ids from the sequence; a JSON null next to an SQL NULL.
  await sql`
    insert into deliveries (org_id, kind, channel, address, content, status, next_attempt_at)
    select ${t.org.id}::uuid, 'account_mail', 'email', 'user' || g || '@example.com',
      case when g % 3 = 0 then 'null'::jsonb when g % 3 = 1 then null else jsonb_build_object('n', g) end,
      'pending', now() - make_interval(secs => g)
    from generate_series(1, 1200) g`.execute(t.database.db)
  await sql`
    insert into audit_log (org_id, occurred_at, actor_kind, actor_id, actor_name, action, before, after)
    values (${t.org.id}::uuid, '2026-11-20T09:00:00.123456Z', 'system', 'test', 'test', 'test', 'null', null)`.execute(
    t.database.db,
  )
  return t
}

/** The suite for one engine; each engine has its own file so the two run side by side. */
export function transferSuite(engine: Engine) {
  describe('backup and restore', () => {
    // One populated source and its backup serve every test of this engine (a source costs seconds to build).
    let file = ''
    let before: Awaited<ReturnType<typeof contents>>
    let orgId = ''
    let made: Awaited<ReturnType<typeof backupDatabase>>
    const progress: TransferProgress[] = []
    beforeAll(async () => {
      const source = await populated(engine)
      orgId = source.org.id
      before = await contents(source.database)
      file = join(tmp(), 'candor.backup.gz')
      made = await backupDatabase(source.database, file, { onProgress: (p) => progress.push(p) })
    })

    it('round-trips every table, sequence and identity value exactly, and the restored install works', async () => {
      expect(before.rows.deliveries!.length).toBeGreaterThan(1200)
      expect(made.migrations).toEqual(listMigrations().map((m) => m.name))
      expect(progress.at(-1)).toMatchObject({ phase: 'done', done: made.rows, total: made.rows })

      const target = await openTestDatabase(engine, { migrate: false })
      const restored = await restoreBackup(target, file, { force: false })
      expect(restored.rows).toBe(made.rows)
      expect(await contents(target)).toEqual(before)

      // The identity and sequence columns go on from where the source was, not from 1.
      const next = await sql<{ id: string }>`
        insert into deliveries (org_id, kind, channel, address, status, next_attempt_at)
        values (${orgId}::uuid, 'account_mail', 'email', 'x@example.com', 'pending', now()) returning id::text`.execute(
        target.db,
      )
      const max = before.rows.deliveries!.map((r) => Number(JSON.parse(r).id)).reduce((a, b) => Math.max(a, b))
      expect(Number(next.rows[0]!.id)).toBe(max + 1)
      // The audit log stays append-only after a restore.
      await expect(sql`delete from audit_log`.execute(target.db)).rejects.toThrow(/append-only/)
    })

    it('refuses a target that holds data unless forced, naming what is there', async () => {
      const other = await createTestApp(engine)
      await seedDemo(other.deps, other.clock.now)
      const held = await contents(other.database)
      const refused = await restoreBackup(other.database, file, { force: false }).catch((e: Error) => e)
      expect((refused as Error).message).toMatch(/the target already holds Candor data: .*rows? in \d+ tables? \(/)
      expect((refused as Error).message).toMatch(/--force/)
      // Nothing changed.
      expect(await contents(other.database)).toEqual(held)
      await restoreBackup(other.database, file, { force: true })
      expect(await contents(other.database)).toEqual(before)
      await migrate(other.database)
    })

    it('refuses a backup from a newer schema, and damaged or cut files, before touching the target', async () => {
      const dir = tmp()
      const text = gunzipSync(readFileSync(file)).toString('utf8')
      const header = JSON.parse(text.slice(1, text.indexOf('\n')))

      const newer = join(dir, 'newer.gz')
      header.migrations.push('9999_from_the_future.sql')
      writeFileSync(newer, gzipSync(`#${JSON.stringify(header)}${text.slice(text.indexOf('\n'))}`))
      const target = await openTestDatabase(engine)
      await expect(restoreBackup(target, newer, { force: true })).rejects.toThrow(
        /made by a newer Candor .*9999_from_the_future\.sql.*upgrade Candor first/,
      )
      const cut = join(dir, 'cut.gz')
      writeFileSync(cut, readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2)))
      await expect(restoreBackup(target, cut, { force: true })).rejects.toThrow(
        /not a usable Candor backup: .*(cut|short)/,
      )
      const short = join(dir, 'short.gz')
      const lines = text.split('\n')
      lines.splice(lines.findIndex((l) => l.startsWith('#{"kind":"table","name":"deliveries"')) + 1, 1)
      writeFileSync(short, gzipSync(lines.join('\n')))
      await expect(restoreBackup(target, short, { force: true })).rejects.toThrow(/deliveries ends 1 row\(s\) short/)
      const notGzip = join(dir, 'plain.txt')
      writeFileSync(notGzip, 'hello')
      await expect(restoreBackup(target, notGzip, { force: true })).rejects.toThrow(/not a gzip file/)
      await expect(restoreBackup(target, join(dir, 'missing.gz'), { force: true })).rejects.toThrow(/there is no file/)
      // The target was never touched: still migrated, still usable.
      await migrate(target)
    })

    it('a load that fails half-way marks the target: Candor refuses to start on it until a forced rerun', async () => {
      // A row PostgreSQL refuses (an impossible uuid) in the middle of the outbox.
      const text = gunzipSync(readFileSync(file)).toString('utf8')
      const lines = text.split('\n')
      const at = lines.findIndex((l) => l.startsWith('#{"kind":"table","name":"deliveries"')) + 1100
      lines[at] = lines[at]!.replace(/"org_id": "[^"]+"/, '"org_id": "not-a-uuid"')
      const broken = join(tmp(), 'broken.gz')
      writeFileSync(broken, gzipSync(lines.join('\n')))

      const target = await openTestDatabase(engine, { migrate: false })
      const failed = (await restoreBackup(target, broken, { force: false }).catch((e: Error) => e)) as Error
      expect(failed.message).toMatch(/the restore stopped while loading deliveries \(1,000 of 1,2\d\d rows\)/)
      expect(failed.message).toMatch(/run the same command again with --force/)
      await expect(migrate(target)).rejects.toThrow(/unfinished restore from the backup .*broken\.gz/)

      await restoreBackup(target, file, { force: true })
      await migrate(target)
      expect(await contents(target)).toEqual(before)
    })
  })
}

import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { DatabaseOpenError, type DatabaseHandle } from './database.js'

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url))

export interface MigrationResult {
  applied: string[]
  alreadyApplied: number
}

export interface MigrateOptions {
  /** Stop after this migration (a restore loads a backup at the level it was taken, then migrates on). */
  through?: string
  /** The restore itself runs on a database its marker says is unfinished. */
  allowUnfinishedTransfer?: boolean
}

/**
 * The table a restore or copy creates before it writes and drops after its final check. While it
 * exists the database is half-written, and nothing may start on it (migrate() refuses).
 */
export const unfinishedTransferTable = 'candor_unfinished_transfer'

export class UnfinishedTransferError extends DatabaseOpenError {
  override name = 'UnfinishedTransferError'
}

/** Forward-only, numbered plain-SQL files; each runs in its own transaction with its bookkeeping row. */
export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(migrationsDir + name, 'utf8') }))
}

/** Refuses a database that a restore or copy left half-written, saying what it was and what to do. */
export async function assertNoUnfinishedTransfer(handle: DatabaseHandle): Promise<void> {
  const found = await sql<{
    marker: string | null
  }>`select to_regclass(${unfinishedTransferTable})::text as marker`.execute(handle.db)
  if (!found.rows[0]?.marker) return
  const rows = await sql<{ operation: string; started_at: Date; source: string }>`
    select operation, started_at, source from ${sql.table(unfinishedTransferTable)} limit 1`
    .execute(handle.db)
    .catch(() => ({ rows: [] }))
  const what = rows.rows[0]
  throw new UnfinishedTransferError(
    `this database holds an unfinished ${what?.operation ?? 'restore'}` +
      `${what ? ` from ${what.source} (started ${new Date(what.started_at).toISOString()})` : ''}` +
      ': its data is incomplete. Run the same candor restore / candor db copy again with --force',
  )
}

export async function migrate(
  handle: DatabaseHandle,
  onApplied?: (name: string) => void,
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  if (!options.allowUnfinishedTransfer) await assertNoUnfinishedTransfer(handle)
  return handle.withMigrationLock(async () => {
    await handle.execScript(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text ' +
        'PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());',
    )
    const done = await sql<{ name: string }>`select name from schema_migrations`.execute(handle.db)
    const doneNames = new Set(done.rows.map((row) => row.name))
    const applied: string[] = []
    for (const migration of listMigrations()) {
      if (options.through !== undefined && migration.name > options.through) break
      if (doneNames.has(migration.name)) continue
      await handle.execScript(`${migration.sql}\n;INSERT INTO schema_migrations (name) VALUES ('${migration.name}');`)
      applied.push(migration.name)
      onApplied?.(migration.name)
    }
    return { applied, alreadyApplied: doneNames.size }
  })
}

/** Migrations this version knows that the database has not applied (all of them on an empty database). */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const found = await sql<{ marker: string | null }>`select to_regclass('schema_migrations')::text as marker`.execute(
    handle.db,
  )
  const known = listMigrations().map((m) => m.name)
  if (!found.rows[0]?.marker) return known
  const done = await sql<{ name: string }>`select name from schema_migrations`.execute(handle.db)
  const applied = new Set(done.rows.map((row) => row.name))
  return known.filter((name) => !applied.has(name))
}

import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { DatabaseHandle } from './database.js'

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url))

export interface MigrationResult {
  applied: string[]
  alreadyApplied: number
}

/** Forward-only, numbered plain-SQL files; each runs in its own transaction with its bookkeeping row. */
export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(migrationsDir + name, 'utf8') }))
}

export async function migrate(handle: DatabaseHandle, onApplied?: (name: string) => void): Promise<MigrationResult> {
  return handle.withMigrationLock(async () => {
    await handle.execScript(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text ' +
        'PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());',
    )
    const done = await sql<{ name: string }>`select name from schema_migrations`.execute(handle.db)
    const doneNames = new Set(done.rows.map((row) => row.name))
    const applied: string[] = []
    for (const migration of listMigrations()) {
      if (doneNames.has(migration.name)) continue
      await handle.execScript(`${migration.sql}\n;INSERT INTO schema_migrations (name) VALUES ('${migration.name}');`)
      applied.push(migration.name)
      onApplied?.(migration.name)
    }
    return { applied, alreadyApplied: doneNames.size }
  })
}

import { listMigrations } from '../migrate.js'

/**
 * What Candor's own migrations create, by name: a backup, a copy or a restore touches these and
 * nothing else, so a PostgreSQL schema shared with other applications keeps their tables.
 */
export interface CandorObjects {
  tables: Set<string>
  sequences: Set<string>
  functions: Set<string>
}

let cached: CandorObjects | undefined

export function candorObjects(): CandorObjects {
  if (cached) return cached
  const found: CandorObjects = { tables: new Set(['schema_migrations']), sequences: new Set(), functions: new Set() }
  const statement = /\bCREATE\s+(?:OR\s+REPLACE\s+)?(TABLE|SEQUENCE|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?/gi
  for (const migration of listMigrations()) {
    const code = migration.sql.replace(/--[^\n]*/g, '')
    for (const [, kind, name] of code.matchAll(statement)) {
      const set =
        kind!.toUpperCase() === 'TABLE'
          ? found.tables
          : kind!.toUpperCase() === 'SEQUENCE'
            ? found.sequences
            : found.functions
      set.add(name!.toLowerCase())
    }
  }
  cached = found
  return found
}

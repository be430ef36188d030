import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js'
import { invalid } from '../domain/app-error.js'

let engine: Promise<SqlJsStatic> | undefined

/** A source's SQLite file, read in memory (sql.js is SQLite compiled to WebAssembly: nothing to build). */
export interface SqliteFile {
  has(table: string): boolean
  columns(table: string): Set<string>
  rows(query: string): Record<string, unknown>[]
  close(): void
}

const sqliteMagic = 'SQLite format 3\u0000'

export function isSqlite(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 16)).toString('latin1') === sqliteMagic
}

/** Opens the bytes of a SQLite database, refusing anything else with a clear message. */
export async function openSqlite(bytes: Uint8Array, what: string): Promise<SqliteFile> {
  if (!isSqlite(bytes)) throw invalid(`${what} is not a SQLite database`)
  engine ??= initSqlJs()
  const SQL = await engine
  let db: Database
  try {
    db = new SQL.Database(bytes)
    db.exec('SELECT count(*) FROM sqlite_master')
  } catch (error) {
    throw invalid(`${what} cannot be read as SQLite`, [{ message: (error as Error).message }])
  }
  const tables = new Set(
    (db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values ?? []).map((r) => String(r[0])),
  )
  return {
    has: (table) => tables.has(table),
    columns(table) {
      const info = db.exec(`PRAGMA table_info("${table.replace(/"/g, '""')}")`)[0]
      return new Set((info?.values ?? []).map((r) => String(r[1])))
    },
    rows(query) {
      try {
        const result = db.exec(query)[0]
        if (!result) return []
        return result.values.map((values) => Object.fromEntries(result.columns.map((c, i) => [c, values[i]])))
      } catch (error) {
        throw invalid(`${what} is not in the expected shape`, [{ message: (error as Error).message }])
      }
    },
    close: () => db.close(),
  }
}

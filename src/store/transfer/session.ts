import { CompiledQuery } from 'kysely'
import type { DatabaseHandle } from '../database.js'
import { candorObjects } from './candor-objects.js'

/** One connection held for a whole step: PGlite has one, and a PostgreSQL snapshot lives on one. */
export interface Session {
  engine: DatabaseHandle['engine']
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
}

export function withSession<T>(handle: DatabaseHandle, fn: (session: Session) => Promise<T>): Promise<T> {
  return handle.db.connection().execute((connection) =>
    fn({
      engine: handle.engine,
      async query<R>(text: string, params: readonly unknown[] = []) {
        return (await connection.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows as R[]
      },
    }),
  )
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`

export interface ColumnShape {
  name: string
  type: string
  /** jsonb/json: written wrapped in a one-element array, so a JSON null and an SQL NULL stay apart. */
  json: boolean
  identity: boolean
}

export interface TableShape {
  name: string
  columns: ColumnShape[]
}

export interface SequenceState {
  name: string
  /** An identity or serial column's sequence is found on the target by its column, not its generated name. */
  table?: string
  column?: string
  last_value: string
  is_called: boolean
}

export interface SchemaInfo {
  schema: string
  /** Candor's tables present, parents before children (foreign keys). */
  tables: TableShape[]
  migrations: string[]
  hasMigrationsTable: boolean
}

const schemaOid = '(SELECT oid FROM pg_namespace WHERE nspname = current_schema())'

export async function currentSchema(session: Session): Promise<string> {
  const [row] = await session.query<{ schema: string | null }>('SELECT current_schema() AS schema')
  if (!row?.schema) throw new Error('the database has no current schema (search_path names none that exists)')
  return row.schema
}

/** Candor's tables in the current schema with their columns and keys, in an order that satisfies the foreign keys. */
export async function inspectSchema(session: Session): Promise<SchemaInfo> {
  const schema = await currentSchema(session)
  const known = candorObjects().tables
  const columns = await session.query<{ table: string; name: string; type: string; identity: string }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attidentity::text AS identity
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = ${schemaOid} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`,
  )
  const references = await session.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
     FROM pg_constraint f JOIN pg_class ch ON ch.oid = f.conrelid JOIN pg_class pa ON pa.oid = f.confrelid
     WHERE f.contype = 'f' AND ch.relnamespace = ${schemaOid} AND ch.oid <> pa.oid`,
  )
  const tables = new Map<string, TableShape>()
  for (const column of columns) {
    if (!known.has(column.table)) continue
    let table = tables.get(column.table)
    if (!table) tables.set(column.table, (table = { name: column.table, columns: [] }))
    table.columns.push({
      name: column.name,
      type: column.type,
      json: column.type === 'jsonb' || column.type === 'json',
      identity: column.identity !== '',
    })
  }
  const hasMigrationsTable = tables.has('schema_migrations')
  tables.delete('schema_migrations')
  const migrations = hasMigrationsTable
    ? (await session.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name)
    : []
  return { schema, tables: dependencyOrder(tables, references), migrations, hasMigrationsTable }
}

/** Parents first (Kahn's algorithm, alphabetical among equals), so every insert finds the rows it references. */
function dependencyOrder(tables: Map<string, TableShape>, references: { child: string; parent: string }[]) {
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]))
  for (const { child, parent } of references) {
    if (tables.has(child) && tables.has(parent)) parents.get(child)!.add(parent)
  }
  const ordered: TableShape[] = []
  const placed = new Set<string>()
  while (ordered.length < tables.size) {
    const ready = [...parents.entries()]
      .filter(([name, of]) => !placed.has(name) && [...of].every((p) => placed.has(p)))
      .map(([name]) => name)
      .sort()
    if (ready.length === 0) {
      const left = [...tables.keys()].filter((name) => !placed.has(name))
      throw new Error(`the foreign keys between ${left.join(', ')} form a cycle; these tables cannot be ordered`)
    }
    for (const name of ready) {
      placed.add(name)
      ordered.push(tables.get(name)!)
    }
  }
  return ordered
}

/** Candor's sequences (its identity columns' and its own) with the value each has reached. */
export async function readSequences(session: Session): Promise<SequenceState[]> {
  const objects = candorObjects()
  const rows = await session.query<{ name: string; table: string | null; column: string | null }>(
    `SELECT s.relname AS name, t.relname AS table, a.attname AS column
     FROM pg_class s
     LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype IN ('a', 'i')
       AND d.refclassid = 'pg_class'::regclass
     LEFT JOIN pg_class t ON t.oid = d.refobjid
     LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND s.relnamespace = ${schemaOid}
     ORDER BY s.relname`,
  )
  const states: SequenceState[] = []
  for (const row of rows) {
    const owned = row.table !== null && objects.tables.has(row.table) && row.column !== null
    if (!owned && !objects.sequences.has(row.name)) continue
    const [value] = await session.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${ident(row.name)}`,
    )
    states.push({
      name: row.name,
      ...(owned ? { table: row.table!, column: row.column! } : {}),
      last_value: value!.last_value,
      is_called: value!.is_called,
    })
  }
  return states
}

/** Exact row counts of the given tables. */
export async function countRows(session: Session, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const table of tables) {
    const [row] = await session.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${ident(table)}`)
    counts.set(table, Number(row!.n))
  }
  return counts
}

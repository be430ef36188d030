import type { DatabaseHandle } from '../database.js'
import { assertNoUnfinishedTransfer } from '../migrate.js'
import {
  countRows,
  ident,
  inspectSchema,
  readSequences,
  type SequenceState,
  type Session,
  type TableShape,
  withSession,
} from './session.js'

/** What a backup or a copy carries before its rows: the schema level and every table with its row count. */
export interface TransferHeader {
  migrations: string[]
  tables: (TableShape & { rows: number })[]
}

/** Where rows go: a backup file or another database. `rows` are JSON objects as text, never parsed here. */
export interface TransferSink {
  begin(header: TransferHeader): Promise<void>
  rows(table: string, rows: string[]): Promise<void>
  end(sequences: SequenceState[]): Promise<void>
}

export class TransferError extends Error {
  override name = 'TransferError'
}

export const defaultPageRows = 1000

/**
 * A row as JSON text: PostgreSQL writes it (`to_jsonb`), so timestamps keep their microseconds and
 * big numbers their digits, and JavaScript never parses it. JSON columns are wrapped in an array.
 */
function rowJson(table: TableShape): string {
  const wrapped = table.columns.filter((c) => c.json)
  if (wrapped.length === 0) return 'to_jsonb(t.*)::text'
  const pairs = wrapped.map(
    (c) => `'${c.name}', CASE WHEN t.${ident(c.name)} IS NULL THEN NULL ELSE jsonb_build_array(t.${ident(c.name)}) END`,
  )
  return `(to_jsonb(t.*) || jsonb_build_object(${pairs.join(', ')}))::text`
}

/**
 * Pages in physical order, each page one statement over a range of the table's blocks (a TID range
 * scan, PostgreSQL 14+) sized to hold about `pageRows` rows: linear in the table's size (a
 * `ctid > last ORDER BY ctid LIMIT n` sorts the whole rest of the table for every page), tables
 * without a primary key page the same way, and a copy's rows lie in the order the source's did,
 * so queries without ORDER BY answer as they did there. Rows stay put while nothing writes: inside
 * the snapshot, or on an embedded database this process alone has open.
 */
async function readTable(session: Session, table: TableShape, rows: number, pageRows: number, sink: TransferSink) {
  if (rows === 0) return
  const json = rowJson(table)
  const [size] = await session.query<{ blocks: string }>(
    `SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::text AS blocks`,
    [ident(table.name)],
  )
  const blocks = Number(size!.blocks)
  const step = Math.max(1, Math.floor(pageRows / Math.max(1, rows / Math.max(1, blocks))))
  const page = async (where: string) => {
    const found = await session.query<{ j: string }>(
      `SELECT ${json} AS j FROM ${ident(table.name)} t WHERE ${where} ORDER BY t.ctid`,
    )
    if (found.length > 0)
      await sink.rows(
        table.name,
        found.map((r) => r.j),
      )
  }
  for (let block = 0; block < blocks; block += step)
    await page(`t.ctid >= '(${block},0)'::tid AND t.ctid < '(${block + step},0)'::tid`)
  // Nothing should lie past the size read above; reading it costs one empty range scan.
  await page(`t.ctid >= '(${blocks},0)'::tid`)
}

/**
 * Streams every Candor table of `handle` into `sink`, parents first, then the sequences. On
 * PostgreSQL it reads inside one REPEATABLE READ READ ONLY transaction, so a backup of a running
 * install is one consistent moment (it blocks no writer). An embedded database is opened by this
 * process alone (its lock file), so nothing can change under the reader and no transaction is held.
 */
export async function readDatabase(
  handle: DatabaseHandle,
  sink: TransferSink,
  options: { pageRows?: number } = {},
): Promise<TransferHeader> {
  await assertNoUnfinishedTransfer(handle).catch((error: Error) => {
    throw new TransferError(`the source cannot be read: ${error.message}`)
  })
  const pageRows = options.pageRows ?? defaultPageRows
  return withSession(handle, async (session) => {
    const snapshot = handle.engine === 'postgres'
    if (snapshot) {
      await session.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      await session.query('SET LOCAL statement_timeout = 0')
      await session.query('SET LOCAL idle_in_transaction_session_timeout = 0')
    }
    try {
      const info = await inspectSchema(session)
      if (!info.hasMigrationsTable || info.migrations.length === 0)
        throw new TransferError('the source holds no Candor database (no schema_migrations table)')
      const counts = await countRows(
        session,
        info.tables.map((t) => t.name),
      )
      const header: TransferHeader = {
        migrations: info.migrations,
        tables: info.tables.map((t) => ({ ...t, rows: counts.get(t.name) ?? 0 })),
      }
      await sink.begin(header)
      for (const table of header.tables) await readTable(session, table, table.rows, pageRows, sink)
      await sink.end(await readSequences(session))
      return header
    } finally {
      if (snapshot) await session.query('COMMIT').catch(() => undefined)
    }
  })
}

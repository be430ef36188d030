import type { DatabaseHandle } from '../database.js'
import { listMigrations, migrate, unfinishedTransferTable } from '../migrate.js'
import { candorObjects } from './candor-objects.js'
import { TransferError, type TransferHeader, type TransferSink } from './read-database.js'
import {
  countRows,
  currentSchema,
  ident,
  inspectSchema,
  type SequenceState,
  type TableShape,
  withSession,
} from './session.js'

export interface TransferProgress {
  phase: 'preparing' | 'rows' | 'verifying' | 'migrating' | 'done'
  table?: string
  tableDone: number
  tableRows: number
  done: number
  total: number
}

export interface LoadOptions {
  /** Replace whatever Candor data the target holds; without it a target with any row is refused. */
  force: boolean
  operation: 'restore' | 'copy'
  /** Where the data comes from, for the unfinished-transfer marker and the messages. */
  source: string
  onProgress?: (progress: TransferProgress) => void
  /** Runs once the target carries the unfinished marker (the copy checks that the source does not see it). */
  afterMarked?: () => Promise<void>
}

/** Checks that the code knows every migration the data was written at, in the same order. */
export function checkSchemaLevel(migrations: readonly string[], what: string): void {
  const known = listMigrations().map((m) => m.name)
  const newer = migrations.filter((name) => !known.includes(name))
  if (newer.length > 0)
    throw new TransferError(
      `${what} was made by a newer Candor (its schema has ${newer.join(', ')}, which this version does not know): ` +
        'upgrade Candor first, then run this again',
    )
  if (migrations.length === 0 || migrations.some((name, i) => known[i] !== name))
    throw new TransferError(`${what} has an unknown schema history (${migrations.join(', ') || 'no migrations'})`)
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`

/**
 * Loads a backup or a copy into a database: refuses one that holds Candor rows unless forced,
 * marks it unfinished, recreates Candor's tables at the data's schema level, inserts each batch
 * in one statement (parents first), sets the sequences, checks every table's row count, then
 * migrates on to this version and removes the mark. Until then Candor refuses to start on it.
 */
export class DatabaseLoader implements TransferSink {
  private header: TransferHeader | undefined
  private schema = ''
  private inserts = new Map<string, string>()
  private loaded = new Map<string, number>()
  private done = 0
  private total = 0
  /** Whether the target carries the unfinished mark (a failure from then on leaves it half-written). */
  marked = false
  /** The table being loaded and how far, for the message of a failure. */
  current: { table: string; done: number; rows: number } | undefined

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly options: LoadOptions,
  ) {}

  private progress(phase: TransferProgress['phase']) {
    this.options.onProgress?.({
      phase,
      ...(this.current ? { table: this.current.table } : {}),
      tableDone: this.current?.done ?? 0,
      tableRows: this.current?.rows ?? 0,
      done: this.done,
      total: this.total,
    })
  }

  async begin(header: TransferHeader): Promise<void> {
    checkSchemaLevel(header.migrations, this.options.operation === 'restore' ? 'this backup' : 'the source')
    this.header = header
    this.total = header.tables.reduce((sum, t) => sum + t.rows, 0)
    this.progress('preparing')
    await this.refuseIfNotEmpty()
    this.schema = await withSession(this.handle, currentSchema)
    await this.mark()
    this.marked = true
    await this.options.afterMarked?.()
    await this.recreate(header.migrations.at(-1)!)
    await this.checkTables(header)
  }

  private async refuseIfNotEmpty() {
    const held = await withSession(this.handle, async (session) => {
      const info = await inspectSchema(session)
      const counts = await countRows(
        session,
        info.tables.map((t) => t.name),
      )
      return { counts: [...counts].filter(([, n]) => n > 0), level: info.migrations.at(-1) }
    })
    if (held.counts.length === 0 || this.options.force) return
    const rows = held.counts.reduce((sum, [, n]) => sum + n, 0)
    const shown = held.counts
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([table, n]) => `${table}: ${n.toLocaleString('en')}`)
    throw new TransferError(
      `the target already holds Candor data: ${plural(rows, 'row')} in ${plural(held.counts.length, 'table')} ` +
        `(${shown.join(', ')}${held.counts.length > 5 ? ', …' : ''})${held.level ? ` at schema ${held.level}` : ''}. ` +
        `Add --force to replace all of it with ${this.options.source}, or use an empty database`,
    )
  }

  private qualified(name: string) {
    return `${ident(this.schema)}.${ident(name)}`
  }

  private async mark() {
    const marker = this.qualified(unfinishedTransferTable)
    await this.handle.execScript(
      `DROP TABLE IF EXISTS ${marker};
       CREATE TABLE ${marker} (operation text NOT NULL, source text NOT NULL, started_at timestamptz NOT NULL);
       INSERT INTO ${marker} VALUES ('${this.options.operation}', ${literal(this.options.source)}, now());`,
    )
  }

  /** Drops what Candor's migrations create (and nothing else) in one transaction, then migrates to the data's level. */
  private async recreate(level: string) {
    const objects = candorObjects()
    const list = (names: Set<string>) => [...names].map((n) => this.qualified(n)).join(', ')
    await this.handle.execScript(
      `DROP TABLE IF EXISTS ${list(objects.tables)} CASCADE;
       ${objects.sequences.size ? `DROP SEQUENCE IF EXISTS ${list(objects.sequences)} CASCADE;` : ''}
       ${[...objects.functions].map((f) => `DROP FUNCTION IF EXISTS ${this.qualified(f)} CASCADE;`).join('\n')}`,
    )
    await migrate(this.handle, undefined, { through: level, allowUnfinishedTransfer: true })
  }

  /** The recreated tables must have the columns the data has: a hand-edited schema is caught before any row. */
  private async checkTables(header: TransferHeader) {
    const target = await withSession(this.handle, inspectSchema)
    const byName = new Map(target.tables.map((t) => [t.name, t]))
    const problems: string[] = []
    for (const table of header.tables) {
      const there = byName.get(table.name)
      if (!there) {
        problems.push(`${table.name}: no such table at schema ${header.migrations.at(-1)}`)
        continue
      }
      const want = table.columns.map((c) => c.name).sort()
      const have = there.columns.map((c) => c.name).sort()
      if (want.join() !== have.join()) problems.push(`${table.name}: columns ${want.join(', ')} vs ${have.join(', ')}`)
      this.inserts.set(table.name, this.insertStatement(there))
      this.loaded.set(table.name, 0)
    }
    if (problems.length > 0)
      throw new TransferError(`the data does not fit Candor's tables at its schema level:\n  ${problems.join('\n  ')}`)
  }

  /** One statement per batch: PostgreSQL parses the JSON rows itself; identity values are kept as they were. */
  private insertStatement(table: TableShape): string {
    const names = table.columns.map((c) => ident(c.name)).join(', ')
    const values = table.columns.map((c) => (c.json ? `(r.${ident(c.name)} -> 0)` : `r.${ident(c.name)}`)).join(', ')
    const overriding = table.columns.some((c) => c.identity) ? 'OVERRIDING SYSTEM VALUE ' : ''
    return (
      `INSERT INTO ${this.qualified(table.name)} (${names}) ${overriding}` +
      `SELECT ${values} FROM jsonb_populate_recordset(NULL::${this.qualified(table.name)}, $1::jsonb) r`
    )
  }

  async rows(table: string, rows: string[]): Promise<void> {
    const statement = this.inserts.get(table)
    if (!statement) throw new TransferError(`rows for "${table}", a table the header did not announce`)
    const expected = this.header!.tables.find((t) => t.name === table)!.rows
    if (this.current?.table !== table) this.current = { table, done: this.loaded.get(table)!, rows: expected }
    await withSession(this.handle, (session) => session.query(statement, [`[${rows.join(',')}]`]))
    this.current.done += rows.length
    this.loaded.set(table, this.current.done)
    this.done += rows.length
    this.progress('rows')
  }

  async end(sequences: SequenceState[]): Promise<void> {
    const header = this.header!
    this.current = undefined
    this.progress('verifying')
    await withSession(this.handle, async (session) => {
      for (const sequence of sequences) {
        const [row] = await session.query<{ value: string | null }>(
          sequence.table
            ? 'SELECT setval(pg_get_serial_sequence($3, $4), $1::bigint, $2::boolean)::text AS value'
            : 'SELECT setval(to_regclass($3), $1::bigint, $2::boolean)::text AS value',
          [
            sequence.last_value,
            sequence.is_called,
            ...(sequence.table ? [this.qualified(sequence.table), sequence.column] : [this.qualified(sequence.name)]),
          ],
        )
        if (row?.value == null) throw new TransferError(`the target has no sequence for ${describe(sequence)}`)
      }
      const counts = await countRows(
        session,
        header.tables.map((t) => t.name),
      )
      const wrong = header.tables.filter((t) => counts.get(t.name) !== t.rows)
      if (wrong.length > 0)
        throw new TransferError(
          `row counts differ after loading: ${wrong.map((t) => `${t.name} ${counts.get(t.name)} of ${t.rows}`)}`,
        )
      for (const table of header.tables.filter((t) => t.rows > 0))
        await session.query(`ANALYZE ${this.qualified(table.name)}`)
    })
    this.progress('migrating')
    await migrate(this.handle, undefined, { allowUnfinishedTransfer: true })
    await this.handle.execScript(`DROP TABLE ${this.qualified(unfinishedTransferTable)};`)
    this.progress('done')
  }
}

const describe = (s: SequenceState) => (s.table ? `${s.table}.${s.column}` : s.name)

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

import { once } from 'node:events'
import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { createGunzip, createGzip } from 'node:zlib'
import { z } from 'zod'
import { TransferError, type TransferHeader, type TransferSink } from './read-database.js'
import type { SequenceState } from './session.js'

/**
 * Candor's backup file: gzip'd lines of text. Lines starting with `#` are JSON records that say
 * what follows (the header with the schema level and each table's columns and row count, a table,
 * the sequences, the end with totals); every other line is one row as a JSON object, written by
 * PostgreSQL's to_jsonb (jsonb columns wrapped in a one-element array). Tables come parents first.
 */
export const backupFormat = 'candor-backup'
export const backupFormatVersion = 1

const columnSchema = z.object({ name: z.string().min(1), type: z.string().min(1), json: z.boolean() })
const headerSchema = z.object({
  kind: z.literal('header'),
  format: z.literal(backupFormat),
  version: z.number().int(),
  created_at: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string().regex(/^\d{4}_[a-z0-9_-]+\.sql$/)).min(1),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      rows: z.number().int().min(0),
      columns: z.array(columnSchema),
    }),
  ),
})
const tableSchema = z.object({ kind: z.literal('table'), name: z.string(), rows: z.number().int().min(0) })
const sequencesSchema = z.object({
  kind: z.literal('sequences'),
  sequences: z.array(
    z.object({
      name: z.string().min(1),
      table: z.string().optional(),
      column: z.string().optional(),
      last_value: z.string().regex(/^-?\d+$/),
      is_called: z.boolean(),
    }),
  ),
})
const endSchema = z.object({ kind: z.literal('end'), tables: z.number().int(), rows: z.number().int() })

export type BackupHeader = z.infer<typeof headerSchema>

/** Writes to FILE.partial and renames at the end, so FILE is either a whole backup or absent. */
export function backupFileSink(file: string, engine: 'pglite' | 'postgres', now: Date) {
  const partial = `${file}.partial`
  const gzip = createGzip({ level: 6 })
  // It holds the instance secret and password hashes: readable by its owner only (a stale .partial goes first).
  rmSync(partial, { force: true })
  const out = createWriteStream(partial, { flags: 'w', mode: 0o600 })
  const piped = once(out, 'close')
  gzip.pipe(out)
  let failed: Error | undefined
  out.on('error', (error) => (failed = error))
  gzip.on('error', (error) => (failed = error))
  let rows = 0
  let tables = 0
  let currentTable: string | undefined
  let header: TransferHeader | undefined
  async function write(text: string) {
    if (failed) throw failed
    if (!gzip.write(text)) {
      // Waits for room, or for the file to fail (a full disk never drains); the loser's listener goes.
      const waiting = new AbortController()
      const { signal } = waiting
      await Promise.race([once(gzip, 'drain', { signal }), once(out, 'error', { signal })]).catch(() => undefined)
      waiting.abort()
    }
    if (failed) throw failed
  }
  const sink: TransferSink & { finish(): Promise<number>; abort(): Promise<void> } = {
    async begin(h) {
      header = h
      const record = {
        kind: 'header',
        format: backupFormat,
        version: backupFormatVersion,
        created_at: now.toISOString(),
        engine,
        migrations: h.migrations,
        tables: h.tables.map((t) => ({
          name: t.name,
          rows: t.rows,
          columns: t.columns.map((c) => ({ name: c.name, type: c.type, json: c.json })),
        })),
      }
      await write(`#${JSON.stringify(record)}\n`)
      // Every table gets its line, empty ones too, so a reader can check the whole layout.
      if (h.tables[0]) await startTable(h.tables[0].name)
    },
    async rows(table, lines) {
      while (currentTable !== table) {
        const next = header!.tables[header!.tables.findIndex((t) => t.name === currentTable) + 1]
        if (!next) throw new TransferError(`rows for "${table}" after its turn`)
        await startTable(next.name)
      }
      await write(`${lines.join('\n')}\n`)
      rows += lines.length
    },
    async end(sequences) {
      let index = header!.tables.findIndex((t) => t.name === currentTable)
      while (++index < header!.tables.length) await startTable(header!.tables[index]!.name)
      await write(`#${JSON.stringify({ kind: 'sequences', sequences })}\n`)
      await write(`#${JSON.stringify({ kind: 'end', tables, rows })}\n`)
    },
    async finish() {
      gzip.end()
      await piped
      if (failed) throw failed
      await rename(partial, file)
      return rows
    },
    async abort() {
      gzip.destroy()
      out.destroy()
      await rm(partial, { force: true })
    },
  }
  async function startTable(name: string) {
    const table = header!.tables.find((t) => t.name === name)!
    currentTable = name
    tables++
    await write(`#${JSON.stringify({ kind: 'table', name, rows: table.rows })}\n`)
  }
  return sink
}

function parseRecord<T>(schema: z.ZodType<T>, line: string, lineNo: number, what: string): T {
  let value: unknown
  try {
    value = JSON.parse(line.slice(1))
  } catch {
    throw new TransferError(`line ${lineNo}: expected the ${what} record, found text that is not JSON`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const kind = (value as { kind?: unknown })?.kind
    throw new TransferError(
      `line ${lineNo}: expected the ${what} record${typeof kind === 'string' ? `, found "${kind}"` : ''} ` +
        `(${parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ')})`,
    )
  }
  return parsed.data
}

export interface ReadBackupOptions {
  batchRows?: number
  batchBytes?: number
}

/**
 * Reads a backup file into `sink` (or only checks it, without a sink), validating its layout as
 * it goes: the header first, every table in the header's order with exactly the rows it announced,
 * then the sequences and the end record. Returns the header.
 */
export async function readBackupFile(
  file: string,
  sink?: TransferSink,
  options: ReadBackupOptions = {},
): Promise<BackupHeader> {
  const batchRows = options.batchRows ?? 1000
  const batchBytes = options.batchBytes ?? 4 * 1024 * 1024
  const input = createReadStream(file)
  const gunzip = createGunzip()
  let streamError: Error | undefined
  input.on('error', (error) => {
    streamError = error
    gunzip.destroy(error)
  })
  gunzip.on('error', (error) => (streamError = error))
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY })
  let lineNo = 0
  let header: BackupHeader | undefined
  let tableIndex = -1
  let rowsLeft = 0
  let batch: string[] = []
  let batchSize = 0
  let totalRows = 0
  let sequences: SequenceState[] | undefined
  let ended = false
  const flush = async () => {
    if (batch.length === 0) return
    const rows = batch
    batch = []
    batchSize = 0
    await sink?.rows(header!.tables[tableIndex]!.name, rows)
  }
  try {
    for await (const line of lines) {
      lineNo++
      if (ended) throw new TransferError(`line ${lineNo}: text after the end record`)
      if (!header) {
        if (!line.startsWith('#')) throw new TransferError('it does not start with a Candor backup header')
        const version = (() => {
          try {
            return (JSON.parse(line.slice(1)) as { version?: unknown }).version
          } catch {
            return undefined
          }
        })()
        if (typeof version === 'number' && version > backupFormatVersion)
          throw new TransferError(
            `it is in backup format ${version}, newer than this Candor reads (${backupFormatVersion}): upgrade Candor`,
          )
        header = parseRecord(headerSchema, line, lineNo, 'header')
        await sink?.begin({
          migrations: header.migrations,
          tables: header.tables.map((t) => ({
            ...t,
            columns: t.columns.map((c) => ({ ...c, identity: false })),
          })),
        })
        continue
      }
      if (!line.startsWith('#')) {
        if (rowsLeft === 0) {
          const table = header.tables[tableIndex]
          throw new TransferError(
            `line ${lineNo}: a row where none was announced${table ? ` (${table.name} has ${table.rows})` : ''}`,
          )
        }
        if (!line.startsWith('{') || !line.endsWith('}'))
          throw new TransferError(`line ${lineNo}: a row is not a JSON object`)
        batch.push(line)
        batchSize += line.length
        rowsLeft--
        totalRows++
        if (batch.length >= batchRows || batchSize >= batchBytes) await flush()
        continue
      }
      if (rowsLeft > 0)
        throw new TransferError(
          `line ${lineNo}: ${header.tables[tableIndex]!.name} ends ${rowsLeft} row(s) short of the ` +
            `${header.tables[tableIndex]!.rows} announced`,
        )
      await flush()
      if (tableIndex + 1 < header.tables.length) {
        const table = parseRecord(tableSchema, line, lineNo, 'table')
        const expected = header.tables[++tableIndex]!
        if (table.name !== expected.name || table.rows !== expected.rows)
          throw new TransferError(
            `line ${lineNo}: expected table ${expected.name} (${expected.rows} rows), ` +
              `found ${table.name} (${table.rows})`,
          )
        rowsLeft = table.rows
        continue
      }
      if (!sequences) {
        sequences = parseRecord(sequencesSchema, line, lineNo, 'sequences').sequences as SequenceState[]
        continue
      }
      const end = parseRecord(endSchema, line, lineNo, 'end')
      if (end.tables !== header.tables.length || end.rows !== totalRows)
        throw new TransferError(`line ${lineNo}: the end record counts ${end.rows} rows, the file holds ${totalRows}`)
      ended = true
      await sink?.end(sequences)
    }
  } catch (error) {
    if (streamError) throw describeStreamError(streamError, file)
    throw error
  }
  if (streamError) throw describeStreamError(streamError, file)
  if (!header) throw new TransferError('the file is empty')
  if (!ended) throw new TransferError(`it ends at line ${lineNo} before its end record: the backup was cut short`)
  return header
}

function describeStreamError(error: Error, file: string): TransferError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new TransferError(`there is no file ${file}`)
  if (code === 'EISDIR') return new TransferError(`${file} is a folder, not a backup file`)
  if (code === 'EACCES') return new TransferError(`${file} cannot be read (permission denied)`)
  if (code === 'Z_DATA_ERROR') return new TransferError('it is not a gzip file, or it is damaged')
  if (code === 'Z_BUF_ERROR') return new TransferError('it ends in the middle (cut short)')
  return new TransferError(error.message)
}

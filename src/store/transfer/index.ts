import { stat } from 'node:fs/promises'
import type { DatabaseHandle } from '../database.js'
import { assertNoUnfinishedTransfer, unfinishedTransferTable } from '../migrate.js'
import { type BackupHeader, backupFileSink, readBackupFile } from './backup-file.js'
import { checkSchemaLevel, DatabaseLoader, type TransferProgress } from './load-database.js'
import { readDatabase, TransferError, type TransferHeader, type TransferSink } from './read-database.js'
import { ident } from './session.js'

export { TransferError, type TransferProgress }

export interface TransferResult {
  tables: number
  rows: number
  migrations: string[]
}

const summary = (header: { tables: { rows: number }[]; migrations: string[] }): TransferResult => ({
  tables: header.tables.length,
  rows: header.tables.reduce((sum, t) => sum + t.rows, 0),
  migrations: header.migrations,
})

/** Counts rows as they pass, for the progress line of a backup. */
function counting(sink: TransferSink, onProgress?: (progress: TransferProgress) => void): TransferSink {
  let header: TransferHeader | undefined
  let total = 0
  let done = 0
  let table = ''
  let tableDone = 0
  return {
    async begin(h) {
      header = h
      total = h.tables.reduce((sum, t) => sum + t.rows, 0)
      await sink.begin(h)
      onProgress?.({ phase: 'preparing', tableDone: 0, tableRows: 0, done, total })
    },
    async rows(name, rows) {
      await sink.rows(name, rows)
      if (name !== table) (table = name), (tableDone = 0)
      tableDone += rows.length
      done += rows.length
      const tableRows = header!.tables.find((t) => t.name === name)?.rows ?? 0
      onProgress?.({ phase: 'rows', table, tableDone, tableRows, done, total })
    },
    async end(sequences) {
      await sink.end(sequences)
      onProgress?.({ phase: 'done', tableDone: 0, tableRows: 0, done, total })
    },
  }
}

/** `candor backup`: every Candor table of `database` into one gzip'd file, written whole or not at all. */
export async function backupDatabase(
  database: DatabaseHandle,
  file: string,
  options: { now?: Date; onProgress?: (progress: TransferProgress) => void } = {},
): Promise<TransferResult> {
  const sink = backupFileSink(file, database.engine, options.now ?? new Date())
  try {
    const header = await readDatabase(database, counting(sink, options.onProgress))
    await sink.finish()
    return summary(header)
  } catch (error) {
    await sink.abort()
    throw error
  }
}

/** Reads a backup's header and checks the whole file (layout, row counts, gzip checksum) without a database. */
export async function checkBackupFile(file: string): Promise<BackupHeader> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new TransferError(
      error.code === 'ENOENT' ? `there is no file ${file}` : `${file} cannot be read (${error.code ?? error.message})`,
    )
  })
  if (!info.isFile()) throw new TransferError(`${file} is not a file`)
  try {
    return await readBackupFile(file)
  } catch (error) {
    if (error instanceof TransferError)
      throw new TransferError(`${file} is not a usable Candor backup: ${error.message}`)
    throw error
  }
}

export interface LoadCommandOptions {
  force: boolean
  /** The header of a file already checked whole (checkBackupFile), so it is not read twice. */
  checked?: BackupHeader
  onProgress?: (progress: TransferProgress) => void
}

/** What to do after a load stopped half-way: the target carries the unfinished mark until a run completes. */
function stoppedError(operation: string, loader: DatabaseLoader, error: unknown): Error {
  const cause = error instanceof Error ? error.message : String(error)
  const where = loader.current
    ? ` while loading ${loader.current.table} (${loader.current.done.toLocaleString('en')} of ` +
      `${loader.current.rows.toLocaleString('en')} rows)`
    : ''
  return new TransferError(
    `the ${operation} stopped${where}: ${cause}\nThe target is incomplete and marked so (table ` +
      `${unfinishedTransferTable}): Candor will not start on it. Fix the cause, then run the same command ` +
      'again with --force to start over.',
  )
}

/**
 * `candor restore`: checks the whole file first (so a damaged backup never touches the target),
 * then loads it at its schema level and migrates on. A backup from a newer Candor is refused.
 */
export async function restoreBackup(
  database: DatabaseHandle,
  file: string,
  options: LoadCommandOptions,
): Promise<TransferResult> {
  const header = options.checked ?? (await checkBackupFile(file))
  checkSchemaLevel(header.migrations, 'this backup')
  const loader = new DatabaseLoader(database, {
    force: options.force,
    operation: 'restore',
    source: `the backup ${file}`,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
  try {
    await readBackupFile(file, loader)
  } catch (error) {
    if (!loader.marked) throw error
    throw stoppedError('restore', loader, error)
  }
  return summary(header)
}

/** `candor db copy`: straight from one database into another (an embedded install into PostgreSQL). */
export async function copyDatabase(
  source: DatabaseHandle,
  target: DatabaseHandle,
  options: LoadCommandOptions & { sourceName: string },
): Promise<TransferResult> {
  const loader = new DatabaseLoader(target, {
    force: options.force,
    operation: 'copy',
    source: options.sourceName,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    // The same PostgreSQL database named twice would be emptied before it is read.
    afterMarked: async () => {
      if (source.engine !== 'postgres' || target.engine !== 'postgres') return
      const same = await assertNoUnfinishedTransfer(source).then(
        () => false,
        () => true,
      )
      if (!same) return
      await target.execScript(`DROP TABLE IF EXISTS ${ident(unfinishedTransferTable)};`)
      loader.marked = false
      throw new TransferError('the source and the target are the same database')
    },
  })
  try {
    return summary(await readDatabase(source, loader))
  } catch (error) {
    if (!loader.marked) throw error
    throw stoppedError('copy', loader, error)
  }
}

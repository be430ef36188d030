import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../../config.js'
import { openDatabase, redactUrl } from '../../store/database.js'
import { backupDatabase, checkBackupFile, restoreBackup, TransferError } from '../../store/transfer/index.js'
import { CliError, type Command } from '../command.js'
import { transferProgress } from '../transfer-progress.js'
import { seconds } from './transfer-args.js'

const backupUsage = 'candor backup --to FILE.candor.gz [--force]'
const restoreUsage = 'candor restore --from FILE.candor.gz [--force]'

function parse(argv: string[], usage: string, option: 'to' | 'from') {
  let values: { to?: string; from?: string; force?: boolean }
  try {
    values = parseArgs({
      args: argv,
      options: { [option]: { type: 'string' }, force: { type: 'boolean' } },
    }).values as typeof values
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2)
  }
  const file = values[option]
  if (!file) throw new CliError(`--${option} FILE is required\nusage: ${usage}`, 2)
  return { file: resolve(file), shown: file, force: values.force ?? false }
}

const where = (config: { databaseUrl?: string | undefined; dataDir: string }) =>
  config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write the whole install (DATABASE_URL or DATA_DIR) to one portable backup file',
  usage: `${backupUsage}

Writes every Candor table of the configured database (DATABASE_URL, else DATA_DIR) as gzip'd JSON
lines, with the schema level it was taken at. On PostgreSQL it reads one consistent snapshot while
Candor keeps running; the embedded database must be stopped first (one process per data folder).
The file is written as FILE.partial and renamed when complete; --force replaces an existing FILE.`,
  async run(argv) {
    const { file, shown, force } = parse(argv, backupUsage, 'to')
    if (!existsSync(dirname(file))) throw new CliError(`--to: there is no folder ${dirname(shown)}`, 2)
    if (existsSync(file) && statSync(file).isDirectory()) throw new CliError(`--to: ${shown} is a folder`, 2)
    if (existsSync(file) && !force)
      throw new CliError(`${shown} already exists: choose another name, or add --force to replace it`)
    const config = loadConfig()
    const startedAt = Date.now()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    const progress = transferProgress('candor backup')
    try {
      // Written as FILE.partial: an existing FILE is replaced only once the new one is complete.
      const result = await backupDatabase(database, file, { onProgress: (p) => progress.update(p) })
      progress.end()
      const bytes = statSync(file).size
      console.log(
        `Backed up ${result.rows.toLocaleString('en')} rows in ${result.tables} tables of ${where(config)} ` +
          `to ${shown} (${(bytes / 1024).toFixed(0)} KB, schema ${result.migrations.at(-1)}) in ${seconds(startedAt)}`,
      )
    } catch (error) {
      progress.end()
      if (error instanceof TransferError) throw new CliError(error.message)
      throw error
    } finally {
      await database.close()
    }
  },
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Load a backup file into the configured database (DATABASE_URL or DATA_DIR)',
  usage: `${restoreUsage}

Checks the whole file first (layout, row counts, checksum; a backup from a newer Candor is
refused), then recreates Candor's tables at the backup's schema level, loads every table in
batches, sets the sequences, checks every row count and migrates to this version. Stop Candor
first. A database that holds Candor data is refused unless --force (which replaces it). A restore
that stops half-way leaves the database marked unfinished: Candor will not start on it until the
same command, with --force, completes.`,
  async run(argv) {
    const { file, shown, force } = parse(argv, restoreUsage, 'from')
    let header: Awaited<ReturnType<typeof checkBackupFile>>
    try {
      header = await checkBackupFile(file)
    } catch (error) {
      if (error instanceof TransferError) throw new CliError(error.message.replace(file, shown))
      throw error
    }
    const config = loadConfig()
    const startedAt = Date.now()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    const progress = transferProgress('candor restore')
    try {
      const result = await restoreBackup(database, file, {
        force,
        checked: header,
        onProgress: (p) => progress.update(p),
      })
      progress.end()
      console.log(
        `Restored ${result.rows.toLocaleString('en')} rows in ${result.tables} tables from ${shown} into ` +
          `${where(config)} in ${seconds(startedAt)}; every table's row count matches. Taken at schema ` +
          `${result.migrations.at(-1)}, now migrated to this version.`,
      )
    } catch (error) {
      progress.end()
      if (error instanceof TransferError) throw new CliError(error.message)
      throw error
    } finally {
      await database.close()
    }
  },
}

import { parseArgs } from 'node:util'
import { openDatabase, type DatabaseHandle } from '../../store/database.js'
import { copyDatabase, TransferError } from '../../store/transfer/index.js'
import { CliError, type Command } from '../command.js'
import { transferProgress } from '../transfer-progress.js'
import { type Location, parseLocation, requireExistingDataDir, seconds } from './transfer-args.js'

const usage = 'candor db copy --from ./data --to postgres://user:pass@host:5432/candor [--force]'

const open = (location: Location): Promise<DatabaseHandle> =>
  openDatabase(location.kind === 'postgres' ? { databaseUrl: location.url, dataDir: '' } : { dataDir: location.dir })

/**
 * Moving house: an embedded install (its data folder) into PostgreSQL, or back. Stop Candor
 * first: the data folder is opened by one process at a time.
 */
export const dbCommand: Command = {
  name: 'db',
  summary: 'db copy: copy a whole install from its data folder into PostgreSQL (or between any two databases)',
  usage: `${usage}

Copies every Candor table, parents first, with identity and sequence values, in batches of one
statement each; then checks every table's row count and migrates the copy to this version.
Stop Candor on the source first. The target must be empty unless --force (which replaces all
Candor data in it). A copy that stops half-way leaves the target marked unfinished: Candor will
not start on it until the same command, with --force, completes.`,
  async run(argv) {
    const [action, ...rest] = argv
    if (action !== 'copy') throw new CliError(`say "candor db copy"\nusage: ${usage}`, 2)
    let values: { from?: string; to?: string; force?: boolean }
    try {
      values = parseArgs({
        args: rest,
        options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } },
      }).values
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2)
    }
    if (!values.from || !values.to) throw new CliError(`--from and --to are required\nusage: ${usage}`, 2)
    const from = parseLocation(values.from, '--from', usage)
    const to = parseLocation(values.to, '--to', usage)
    requireExistingDataDir(from, '--from')
    if (
      (from.kind === 'embedded' && to.kind === 'embedded' && from.dir === to.dir) ||
      (from.kind === 'postgres' && to.kind === 'postgres' && from.url === to.url)
    )
      throw new CliError('--from and --to name the same database', 2)

    const startedAt = Date.now()
    const source = await open(from)
    let target: DatabaseHandle | undefined
    const progress = transferProgress('candor db copy')
    try {
      target = await open(to)
      const result = await copyDatabase(source, target, {
        force: values.force ?? false,
        sourceName: from.shown,
        onProgress: (p) => progress.update(p),
      })
      progress.end()
      console.log(
        `Copied ${result.rows.toLocaleString('en')} rows in ${result.tables} tables from ${from.shown} to ` +
          `${to.shown} in ${seconds(startedAt)}; every table's row count matches. The copy is at schema ` +
          `${result.migrations.at(-1)} and migrated to this version.`,
      )
      console.log(
        to.kind === 'postgres'
          ? `Start Candor on it with DATABASE_URL=${to.shown} (keep ${from.shown} until you have checked it).`
          : `Start Candor on it with DATA_DIR=${to.shown}.`,
      )
    } catch (error) {
      progress.end()
      if (error instanceof TransferError) throw new CliError(error.message)
      throw error
    } finally {
      await target?.close()
      await source.close()
    }
  },
}

import { createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { systemContext } from '../../app/context.js'
import { exportSubscribers, importSubscribers } from '../../app/subscribers/import-export.js'
import { loadConfig } from '../../config.js'
import { createLogger } from '../../logger.js'
import { buildDeps } from '../../wiring/build-deps.js'
import { openDatabase } from '../../store/database.js'
import { CliError, type Command } from '../command.js'

const usage =
  'candor subscribers import --page SLUG FILE.csv [--send-confirmations]\n' +
  '       candor subscribers export --page SLUG [--out FILE.csv]'

/** One progress line, rewritten in place on a terminal; in a log, a line now and then. */
function progressLine(label: string) {
  const live = process.stderr.isTTY
  let lastLogged = 0
  return {
    update(done: number, total?: number) {
      const text = total
        ? `${label}: ${done}/${total} rows (${Math.floor((done / Math.max(total, 1)) * 100)}%)`
        : `${label}: ${done} rows`
      if (live) process.stderr.write(`\r${text}`)
      else if (done - lastLogged >= 10_000 || done === total) {
        lastLogged = done
        process.stderr.write(`${text}\n`)
      }
    },
    end: () => live && process.stderr.write('\n'),
  }
}

export const subscribersCommand: Command = {
  name: 'subscribers',
  summary: 'Import or export the subscribers of a status page as CSV',
  usage,
  async run(argv) {
    const [action, ...rest] = argv
    let parsed: { values: { page?: string; out?: string; 'send-confirmations'?: boolean }; positionals: string[] }
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { page: { type: 'string' }, out: { type: 'string' }, 'send-confirmations': { type: 'boolean' } },
      })
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2)
    }
    const { values, positionals } = parsed
    if ((action !== 'import' && action !== 'export') || !values.page) throw new CliError(`usage: ${usage}`, 2)
    if (action === 'import' && positionals.length !== 1)
      throw new CliError(`name one CSV file to import\nusage: ${usage}`, 2)
    const config = loadConfig()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    try {
      const deps = await buildDeps(database, config, createLogger('warn'))
      const page = await deps.store.publicPages.findBySlug(values.page)
      if (!page) throw new CliError(`there is no status page with the slug "${values.page}"`)
      const ctx = systemContext(page.org_id, new Date(), 'cli')
      const progress = progressLine(`candor subscribers ${action}`)
      if (action === 'import') {
        const csv = await readFile(resolve(positionals[0]!), 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new CliError(`cannot read ${positionals[0]}: ${error.code ?? error.message}`)
        })
        const report = await importSubscribers(
          deps,
          ctx,
          page.id,
          csv,
          { send_confirmations: values['send-confirmations'] ?? false },
          (done, total) => progress.update(done, total),
        )
        progress.end()
        console.log(
          `Imported into "${values.page}": ${report.created} new, ${report.existing}` +
            ` already there, ${report.problem_count} line(s) skipped`,
        )
        for (const problem of report.problems) console.log(`  line ${problem.line}: ${problem.message}`)
        return report.problem_count > 0 ? 1 : 0
      }
      const out = values.out ? createWriteStream(resolve(values.out)) : process.stdout
      let rows = 0
      for await (const chunk of exportSubscribers(deps, ctx, page.id, (done) => progress.update((rows = done)))) {
        if (!out.write(chunk)) await once(out, 'drain')
      }
      progress.end()
      if (values.out) {
        out.end()
        await once(out, 'finish')
        console.log(`Exported ${rows} subscribers of "${values.page}" to ${resolve(values.out)}`)
      }
      return 0
    } finally {
      await database.close()
    }
  },
}

import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { systemContext } from '../../app/context.js'
import { applyImportPlan } from '../../app/import/apply-import-plan.js'
import { loadConfig } from '../../config.js'
import { importSources, isImportSource, type ImportSource } from '../../domain/import/import-plan.js'
import { loadImport, type ImportInput } from '../../import/load-plan.js'
import { parseJsonText } from '../../import/source-input.js'
import { createLogger } from '../../logger.js'
import { openDatabase } from '../../store/database.js'
import { migrate } from '../../store/migrate.js'
import { buildDeps } from '../../wiring/build-deps.js'
import { CliError, type Command } from '../command.js'
import { progressBar } from '../progress.js'
import { printImportReport } from './import-report.js'
import { onlyOrganisation } from './integrations.js'

const usage = [
  'candor import statuspage (FILE.json | --api-key KEY --page-id ID) [options]',
  '       candor import pagerduty (FILE.json | --token TOKEN) [options]',
  '       candor import opsgenie (FILE.json | --token KEY) [options]',
  '       candor import uptime-kuma --db kuma.db [options]',
  '       candor import cachet (--db cachet.sqlite | FILE.json | --url URL --token TOKEN) [options]',
  'options: --dry-run  --org SLUG  --api-url URL  --save FILE.json  --json',
].join('\n')

const options = {
  'api-key': { type: 'string' },
  'page-id': { type: 'string' },
  token: { type: 'string' },
  url: { type: 'string' },
  'api-url': { type: 'string' },
  db: { type: 'string' },
  org: { type: 'string' },
  save: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
} as const

async function readInput(path: string, what: string): Promise<Buffer> {
  return readFile(resolve(path)).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${what} ${path}: ${error.code ?? error.message}`)
  })
}

/** The file, database or API credentials named on the command line, as the loader takes them. */
async function inputFrom(source: ImportSource, values: Record<string, unknown>, files: string[]): Promise<ImportInput> {
  const v = values as { [K in keyof typeof options]?: string }
  if (files.length > 1) throw new CliError(`name one file to import\nusage: ${usage}`, 2)
  const input: ImportInput = {}
  if (v.db) input.database = new Uint8Array(await readInput(v.db, 'the database'))
  else if (files[0]) {
    const bytes = await readInput(files[0], 'the export')
    if (bytes.subarray(0, 16).toString('latin1').startsWith('SQLite format 3')) input.database = new Uint8Array(bytes)
    else input.file = parseJsonText(bytes.toString('utf8'), `${files[0]}`)
  }
  const key = v['api-key'] ?? v.token
  if (key || v.url) {
    input.api = {
      ...(key ? { key } : {}),
      ...(v['page-id'] ? { pageId: v['page-id'] } : {}),
      ...((v['api-url'] ?? v.url) ? { url: (v['api-url'] ?? v.url)! } : {}),
    }
  }
  if (!input.file && !input.database && !input.api)
    throw new CliError(`say what to import from ${source}: a file, --db or API credentials\nusage: ${usage}`, 2)
  return input
}

/** Moving in: reads another tool's export or API, then writes what fits and reports the rest. */
export const importCommand: Command = {
  name: 'import',
  summary: `Import from ${importSources.join(', ')} (export file, database or API); --dry-run shows the plan`,
  usage,
  async run(argv) {
    const [source, ...rest] = argv
    if (!isImportSource(source))
      throw new CliError(`say which tool to import from: ${importSources.join(', ')}\nusage: ${usage}`, 2)
    let parsed: { values: Record<string, unknown>; positionals: string[] }
    try {
      parsed = parseArgs({ args: rest, allowPositionals: true, options })
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2)
    }
    const values = parsed.values as { org?: string; save?: string; 'dry-run'?: boolean; json?: boolean }
    const input = await inputFrom(source, parsed.values, parsed.positionals)
    const progress = progressBar()
    const loaded = await loadImport(source, input, (what, count) => progress.update(`reading ${what}`, count))
    progress.end()
    if (values.save) {
      await writeFile(resolve(values.save), `${JSON.stringify(loaded.raw, null, 2)}\n`)
      console.error(`saved what was read to ${resolve(values.save)}`)
    }

    const config = loadConfig()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    try {
      await migrate(database)
      const deps = await buildDeps(database, config, createLogger('silent'))
      const org = values.org ? await deps.store.organisations.findBySlug(values.org) : undefined
      if (values.org && !org) throw new CliError(`there is no organisation with the slug "${values.org}"`)
      const orgId = org?.id ?? (await onlyOrganisation(deps.store.db))
      const report = await applyImportPlan(deps, systemContext(orgId, new Date(), 'cli import'), loaded.plan, {
        dryRun: values['dry-run'] === true,
        onProgress: (phase, done, total) => progress.update(phase, done, total),
      })
      progress.end()
      if (values.json) console.log(JSON.stringify(report, null, 2))
      else printImportReport(report)
      return 0
    } finally {
      await database.close()
    }
  },
}

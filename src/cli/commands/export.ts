import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { statusPageViews } from '../../app/status-page/status-page-views.js'
import { loadConfig } from '../../config.js'
import { exportStaticSite } from '../../status-page/export-static-site.js'
import { openDatabase, type DatabaseHandle } from '../../store/database.js'
import { createStore } from '../../store/store.js'
import { CliError, type Command } from '../command.js'

export interface ExportOptions {
  database: DatabaseHandle
  baseUrl: string
  slug: string
  outDir: string
  /** Where the copy will be served from, for absolute links in feeds and the JSON API. */
  url?: string
  precompressed?: boolean
  now: Date
  progress?: (written: number, total: number, bytes: number) => void
}

/** Writes one status page as a static site (HTML, JSON API, feeds, assets) that any static host can serve. */
export async function exportStatusPage(options: ExportOptions): Promise<{ files: number; bytes: number }> {
  const views = statusPageViews({ store: createStore(options.database.db), baseUrl: options.baseUrl })
  const pageId = await views.findPageIdBySlug(options.slug)
  const view = pageId ? await views.loadView(pageId, options.now) : null
  if (!view) throw new CliError(`there is no status page with the slug "${options.slug}"`)
  // The copy keeps pointing readers at the live instance's subscribe form.
  view.page.branding.subscribeUrl ??= `${view.page.url}/subscribe`
  if (options.url) view.page.url = options.url.replace(/\/+$/, '')
  const files = await exportStaticSite(view, { precompressed: options.precompressed ?? false })
  const root = resolve(options.outDir)
  let bytes = 0
  for (const [index, file] of files.entries()) {
    const target = join(root, file.file)
    if (!target.startsWith(root)) throw new Error(`refusing to write outside ${root}: ${file.file}`)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, file.body)
    bytes += file.body.length
    options.progress?.(index + 1, files.length, bytes)
  }
  return { files: files.length, bytes }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a status page as a static site (HTML, JSON API, feeds) to a folder',
  usage: 'candor export --page SLUG --out DIR [--url https://status.example.com] [--precompressed]',
  async run(argv) {
    let values: { page?: string; out?: string; url?: string; precompressed?: boolean }
    try {
      values = parseArgs({
        args: argv,
        options: {
          page: { type: 'string' },
          out: { type: 'string' },
          url: { type: 'string' },
          precompressed: { type: 'boolean' },
        },
      }).values
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nusage: ${exportCommand.usage}`, 2)
    }
    if (!values.page || !values.out)
      throw new CliError(`--page and --out are required\nusage: ${exportCommand.usage}`, 2)
    if (values.url && !/^https?:\/\/[^/]+/.test(values.url))
      throw new CliError('--url must be an absolute http(s) address', 2)
    const config = loadConfig()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    const live = process.stderr.isTTY
    try {
      const result = await exportStatusPage({
        database,
        baseUrl: config.baseUrl,
        slug: values.page,
        outDir: values.out,
        ...(values.url ? { url: values.url } : {}),
        precompressed: values.precompressed ?? false,
        now: new Date(),
        // One line, rewritten in place on a terminal; in a log, a line at the start and one at the end.
        progress: (written, total, bytes) => {
          if (live) process.stderr.write(`\rcandor export: ${written}/${total} files, ${kb(bytes)}`)
          else if (written === 1 || written === total)
            process.stderr.write(`candor export: ${written}/${total} files, ${kb(bytes)}\n`)
        },
      })
      if (live) process.stderr.write('\n')
      console.log(`Exported "${values.page}" to ${resolve(values.out)}: ${result.files} files, ${kb(result.bytes)}`)
    } finally {
      await database.close()
    }
  },
}

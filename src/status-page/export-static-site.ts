import type { Snapshot } from './snapshot.js'
import { renderSnapshot } from './snapshot.js'
import type { StatusPageView } from './view-model.js'

export interface StaticFile {
  /** Relative, forward slashes, e.g. "history/page/2/index.html". */
  file: string
  body: Buffer
}

export interface StaticSiteOptions {
  /**
   * Also write file.gz and file.br beside each file, for servers that serve precompressed files (nginx gzip_static).
   */
  precompressed?: boolean
}

/** Maps a static-mode snapshot to files: folders get index.html, everything else keeps its name. */
export function staticSiteFiles(snapshot: Snapshot, options: StaticSiteOptions = {}): StaticFile[] {
  const files: StaticFile[] = []
  for (const [path, entry] of snapshot) {
    if (path.includes('?') || path.split('/').some((segment) => segment === '..' || segment === '.')) {
      throw new Error(`not a static path: ${path}`)
    }
    const file = (path.endsWith('/') ? `${path}index.html` : path).replace(/^\/+/, '')
    files.push({ file, body: entry.body })
    if (options.precompressed)
      files.push({ file: `${file}.gz`, body: entry.gzip }, { file: `${file}.br`, body: entry.br })
  }
  return files.sort((a, b) => a.file.localeCompare(b.file))
}

/** Everything a static host needs to serve the page, rendered with folder-style links and no live stream. */
export async function exportStaticSite(view: StatusPageView, options: StaticSiteOptions = {}): Promise<StaticFile[]> {
  return staticSiteFiles(await renderSnapshot(view, { mode: 'static' }), options)
}

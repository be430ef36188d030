/** Server paths use /history?page=N; a static export needs real folders (history/page/N/index.html). */
export type RenderMode = 'server' | 'static'

export function historyPath(mode: RenderMode, page = 1): string {
  if (mode === 'static') return page <= 1 ? '/history/' : `/history/page/${page}/`
  return page <= 1 ? '/history' : `/history?page=${page}`
}

export function incidentPath(mode: RenderMode, id: string): string {
  const segment = encodeURIComponent(id)
  return mode === 'static' ? `/incidents/${segment}/` : `/incidents/${segment}`
}

export const assetPaths = {
  css: '/assets/status.css',
  script: '/assets/status.js',
  favicon: '/assets/favicon.svg',
  atom: '/history.atom',
  rss: '/history.rss',
  calendar: '/maintenances.ics',
  badge: '/badge.svg',
  widget: '/widget.js',
  summary: '/api/v2/summary.json',
} as const

/** Where the page script listens for changes (server mode only). */
export const livePath = '/api/live'

/**
 * Links relative to the current document, so one rendering works at the host root and
 * under /p/:slug/ alike (and in an export placed in any folder).
 */
export interface Links {
  home: string
  to(path: string): string
  history(page?: number): string
  incident(id: string): string
}

export function linksFrom(mode: RenderMode, currentPath: string): Links {
  const pathname = currentPath.split('?')[0]!
  const depth = Math.max(0, pathname.split('/').length - 2)
  const prefix = '../'.repeat(depth)
  const to = (path: string) => prefix + path.replace(/^\//, '')
  return {
    home: prefix || './',
    to,
    history: (page = 1) => to(historyPath(mode, page)),
    incident: (id) => to(incidentPath(mode, id)),
  }
}

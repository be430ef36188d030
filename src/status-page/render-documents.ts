import { pageScript } from './assets/page-script.js'
import { statusPageCss } from './assets/styles.js'
import { widgetScript } from './assets/widget-script.js'
import { renderBadge, renderFavicon } from './badge.js'
import { renderMaintenanceCalendar } from './calendar.js'
import { renderFeeds } from './feeds.js'
import { renderContext } from './html/context.js'
import { historyPageCount, renderHistoryPage } from './html/history-page.js'
import { renderHomePage } from './html/home-page.js'
import { renderIncidentPage } from './html/incident-page.js'
import { assetPaths, historyPath, incidentPath, type RenderMode } from './html/links.js'
import { translator } from './i18n/translator.js'
import { statuspageDocuments } from './statuspage-json.js'
import type { StatusPageView } from './view-model.js'

export interface RenderedDocument {
  body: string
  contentType: string
}

export const contentTypes = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  calendar: 'text/calendar; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
} as const

/** Every document of one page, keyed by the path it is served at (server mode) or its folder (static mode). */
export function renderDocuments(view: StatusPageView, mode: RenderMode = 'server'): Map<string, RenderedDocument> {
  const docs = new Map<string, RenderedDocument>()
  const add = (path: string, body: string, contentType: string) => docs.set(path, { body, contentType })
  const page = (path: string) => renderContext(view, mode, path)

  add('/', renderHomePage(page('/')), contentTypes.html)
  const historyPages = historyPageCount(view)
  for (let n = 1; n <= historyPages; n++)
    add(historyPath(mode, n), renderHistoryPage(page(historyPath(mode, n)), n), contentTypes.html)
  for (const incident of view.incidents) {
    const path = incidentPath(mode, incident.id)
    add(path, renderIncidentPage(page(path), { incident }), contentTypes.html)
  }
  for (const maintenance of view.maintenances) {
    const path = incidentPath(mode, maintenance.id)
    add(path, renderIncidentPage(page(path), { maintenance }), contentTypes.html)
  }
  for (const [path, doc] of Object.entries(statuspageDocuments(view, mode)))
    add(path, JSON.stringify(doc), contentTypes.json)
  const feeds = renderFeeds(view, mode)
  add(assetPaths.atom, feeds.atom, contentTypes.atom)
  add(assetPaths.rss, feeds.rss, contentTypes.rss)
  add(assetPaths.calendar, renderMaintenanceCalendar(view, mode), contentTypes.calendar)
  add(assetPaths.badge, renderBadge(view), contentTypes.svg)
  add(assetPaths.widget, widgetScript(translator(view.page.locale, view.page.timeZone), view.page.url), contentTypes.js)
  add(assetPaths.css, statusPageCss(view.page.branding.brandColor), contentTypes.css)
  add(assetPaths.script, pageScript, contentTypes.js)
  add(assetPaths.favicon, renderFavicon(view), contentTypes.svg)
  return docs
}

import { Feed } from 'feed'
import { translator } from './i18n/translator.js'
import { assetPaths, incidentPath, type RenderMode } from './html/links.js'
import { escapeHtml } from '../text/escape-html.js'
import { html, trustedHtml, type SafeHtml } from './html/safe-html.js'
import { newestFirst, type IncidentView, type MaintenanceView, type StatusPageView } from './view-model.js'

/** The feed library's XML writer escapes only the first "]]>" in a CDATA section. */
const cdataSafe = (text: string) => text.replaceAll(']]>', ']]&gt;')

interface FeedEntry {
  id: string
  kind: 'incident' | 'maintenance'
  name: string
  date: Date
  published: Date
  summary: string
  content: SafeHtml
}

/** Atom and RSS of incidents and maintenances, newest change first. Ids are stable URNs, not URLs that may move. */
export function renderFeeds(view: StatusPageView, mode: RenderMode): { atom: string; rss: string } {
  const tr = translator(view.page.locale, view.page.timeZone)
  const entries = [
    ...view.incidents.map((i) => incidentEntry(view, i)),
    ...view.maintenances.map((m) => maintenanceEntry(view, m)),
  ]
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, 50)
  // Titles are text: escaped as HTML because Atom's item titles are typed "html" by the feed library and many readers
  // render RSS titles as HTML (so raw markup in CDATA ran there). Atom's feed title is typed text: left as it is.
  const build = (format: 'atom' | 'rss') => {
    const feedText = format === 'rss' ? escapeHtml : (text: string) => text
    const feed = new Feed({
      id: `urn:candor:page:${view.page.id}`,
      title: feedText(tr.t('feedTitle', { name: view.page.name })),
      link: view.page.url,
      language: view.page.locale,
      updated: view.page.updatedAt,
      generator: 'Candor',
      copyright: feedText(view.page.name),
      feedLinks: { atom: view.page.url + assetPaths.atom, rss: view.page.url + assetPaths.rss },
    })
    for (const e of entries) {
      feed.addItem({
        id: `urn:candor:${e.kind}:${e.id}`,
        guid: `urn:candor:${e.kind}:${e.id}`,
        title: escapeHtml(e.name),
        link: view.page.url + incidentPath(mode, e.id),
        date: e.date,
        published: e.published,
        description: escapeHtml(e.summary),
        content: cdataSafe(e.content.value),
      })
    }
    return feed
  }
  return { atom: build('atom').atom1(), rss: build('rss').rss2() }
}

function incidentEntry(view: StatusPageView, i: IncidentView): FeedEntry {
  const tr = translator(view.page.locale, view.page.timeZone)
  const updates = newestFirst(i.updates)
  return {
    id: i.id,
    kind: 'incident',
    name: i.name,
    date: i.updatedAt,
    published: i.startedAt,
    summary: updates[0] ? `${tr.t(`incidentStatus.${updates[0].status}`)} – ${updates[0].bodyText}` : '',
    content: html`${updates.map(
      (u) =>
        html`<p><small>${tr.dateTime(u.displayAt)}</small><br><strong>${tr.t(
          `incidentStatus.${u.status}`,
        )}</strong></p>${trustedHtml(u.bodyHtml)}${
          u.technicalHtml ? html`<p><em>${tr.t('detailsForIt')}</em></p>${trustedHtml(u.technicalHtml)}` : ''
        }`,
    )}`,
  }
}

function maintenanceEntry(view: StatusPageView, m: MaintenanceView): FeedEntry {
  const tr = translator(view.page.locale, view.page.timeZone)
  const updates = newestFirst(m.updates)
  const window = tr.t('scheduledWindow', { start: tr.dateTime(m.scheduledFor), end: tr.dateTime(m.scheduledUntil) })
  return {
    id: m.id,
    kind: 'maintenance',
    name: m.name,
    date: m.updatedAt,
    published: m.createdAt,
    summary: `${tr.t(`maintenanceStatus.${m.status}`)} – ${window}`,
    content: html`<p>${window}</p>${updates.map(
      (u) =>
        html`<p><small>${tr.dateTime(u.displayAt)}</small><br><strong>${tr.t(
          `maintenanceStatus.${u.status}`,
        )}</strong></p>${trustedHtml(u.bodyHtml)}`,
    )}`,
  }
}

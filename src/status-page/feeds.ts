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
  const tr = translator(view.page.locale)
  const entries = [
    ...view.incidents.map((i) => incidentEntry(view, i)),
    ...view.maintenances.map((m) => maintenanceEntry(view, m)),
  ]
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, 50)
  // Atom titles and summaries are typed "html" by the feed library, and RSS descriptions are HTML too: escape text there.
  const build = (escapeTitle: boolean) => {
    const feed = new Feed({
      id: `urn:candor:page:${view.page.id}`,
      title: tr.t('feedTitle', { name: view.page.name }),
      link: view.page.url,
      language: view.page.locale,
      updated: view.page.updatedAt,
      generator: 'Candor',
      copyright: view.page.name,
      feedLinks: { atom: view.page.url + assetPaths.atom, rss: view.page.url + assetPaths.rss },
    })
    for (const e of entries) {
      feed.addItem({
        id: `urn:candor:${e.kind}:${e.id}`,
        guid: `urn:candor:${e.kind}:${e.id}`,
        title: escapeTitle ? escapeHtml(e.name) : cdataSafe(e.name),
        link: view.page.url + incidentPath(mode, e.id),
        date: e.date,
        published: e.published,
        description: escapeHtml(e.summary),
        content: cdataSafe(e.content.value),
      })
    }
    return feed
  }
  return { atom: build(true).atom1(), rss: build(false).rss2() }
}

function incidentEntry(view: StatusPageView, i: IncidentView): FeedEntry {
  const tr = translator(view.page.locale)
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
        html`<p><small>${tr.dateTime(u.displayAt)}</small><br><strong>${tr.t(`incidentStatus.${u.status}`)}</strong></p>${trustedHtml(u.bodyHtml)}${
          u.technicalHtml ? html`<p><em>${tr.t('detailsForIt')}</em></p>${trustedHtml(u.technicalHtml)}` : ''
        }`,
    )}`,
  }
}

function maintenanceEntry(view: StatusPageView, m: MaintenanceView): FeedEntry {
  const tr = translator(view.page.locale)
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
        html`<p><small>${tr.dateTime(u.displayAt)}</small><br><strong>${tr.t(`maintenanceStatus.${u.status}`)}</strong></p>${trustedHtml(u.bodyHtml)}`,
    )}`,
  }
}

import ical, { ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import { translator } from './i18n/translator.js'
import { incidentPath, type RenderMode } from './html/links.js'
import { newestFirst, type StatusPageView } from './view-model.js'

const utc = (at: Date) => DateTime.fromJSDate(at, { zone: 'utc' })

/**
 * The maintenance calendar. Times are written in UTC (luxon DateTimes), which every client
 * reads correctly without a VTIMEZONE block; DTSTAMP is the maintenance's own last change
 * so the same view always gives the same bytes (and the same ETag).
 */
export function renderMaintenanceCalendar(view: StatusPageView, mode: RenderMode): string {
  const tr = translator(view.page.locale, view.page.timeZone)
  const calendar = ical({
    name: tr.t('calendarTitle', { name: view.page.name }),
    prodId: { company: 'Candor', product: 'status-page', language: view.page.locale.toUpperCase() },
    url: view.page.url,
  })
  const maintenances = [...view.maintenances].sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime())
  for (const m of maintenances) {
    const latest = newestFirst(m.updates)[0]
    calendar.createEvent({
      id: `${m.id}@candor`,
      start: utc(m.scheduledFor),
      end: utc(m.scheduledUntil),
      stamp: utc(m.updatedAt),
      created: utc(m.createdAt),
      lastModified: utc(m.updatedAt),
      summary: m.name,
      description: [tr.t(`maintenanceStatus.${m.status}`), latest?.bodyText].filter(Boolean).join('\n\n'),
      url: view.page.url + incidentPath(mode, m.id),
      status: ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}

import { isComponentStatus, type ComponentStatus } from '../../domain/component/component-status.js'
import { computeUptime, type IncidentWindow } from '../../domain/component/uptime.js'
import { impacts, type Impact } from '../../domain/incident/impact.js'
import { isIncidentStatus, isPublic, statuspageStatus } from '../../domain/incident/incident-status.js'
import { maintenanceStatuses, type MaintenanceStatus } from '../../domain/incident/maintenance-status.js'
import { shownImpact } from '../../domain/incident/shown-impact.js'
import { isSupportedLocale } from '../../domain/locales.js'
import { postmortemSections } from '../../domain/postmortem/postmortem-sections.js'
import type { StatusPageRows } from '../../store/status-page-view-store.js'
import type {
  IncidentView,
  MaintenanceView,
  PostmortemView,
  PublicIncidentStatus,
  StatusPageView,
} from '../../status-page/view-model.js'
import { indicatorOf, isIncidentOpen } from '../../status-page/view-model.js'
import { markdownToPlainText } from '../../text/plain-text.js'
import { renderMarkdown } from '../../text/render-markdown.js'

export const uptimeDays = 90
const dayMs = 86_400_000

/** How far back the store must read for the uptime bars and the history pages. */
export function viewWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / dayMs) * dayMs - 366 * dayMs)
}

const asStatus = (value: string | null | undefined): ComponentStatus =>
  value && isComponentStatus(value) ? value : 'operational'
const asImpact = (value: string): Impact =>
  (impacts as readonly string[]).includes(value) ? (value as Impact) : 'none'
const asMaintenanceStatus = (value: string): MaintenanceStatus =>
  (maintenanceStatuses as readonly string[]).includes(value) ? (value as MaintenanceStatus) : 'scheduled'
const publicStatus = (value: string): PublicIncidentStatus =>
  isIncidentStatus(value) ? statuspageStatus(value) : 'investigating'
/** PostgreSQL (pg) gives dates as 'YYYY-MM-DD', PGlite as a Date at UTC midnight. */
const calendarDate = (value: unknown): string | null =>
  value instanceof Date
    ? value.toISOString().slice(0, 10)
    : typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value)
      ? value.slice(0, 10)
      : null
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null)

function postmortemOf(row: StatusPageRows['postmortems'][number] | undefined): PostmortemView | null {
  if (!row?.published || !row.published_at) return null
  const sections = postmortemSections.flatMap((key) => {
    const markdown = row.published?.[key]
    return typeof markdown === 'string' && markdown.trim() !== ''
      ? [{ key, html: renderMarkdown(markdown), text: markdownToPlainText(markdown) }]
      : []
  })
  return { sections, publishedAt: row.first_published_at ?? row.published_at, updatedAt: row.published_at }
}

/** Where readers find the page: its first custom domain, else /p/:slug under the instance's address. */
export function publicPageUrl(baseUrl: string, slug: string, hostnames: readonly string[]): string {
  const base = new URL(baseUrl)
  const host = hostnames[0]
  if (host) return `${base.protocol}//${host}${base.port ? `:${base.port}` : ''}`
  return `${base.origin}${base.pathname.replace(/\/$/, '')}/p/${encodeURIComponent(slug)}`
}

/**
 * The rows of one page, turned into the view every renderer reads: Markdown to safe HTML, uptime
 * computed, indicator derived.
 */
export function buildStatusPageView(rows: StatusPageRows, options: { now: Date; baseUrl: string }): StatusPageView {
  const { page } = rows
  const { now } = options
  const incidents = rows.incidents.map((row): IncidentView => {
    const updates = rows.updates
      .filter((u) => u.incident_id === row.id && (!isIncidentStatus(u.status) || isPublic(u.status)))
      .map((u) => ({
        id: u.id,
        status: publicStatus(u.status),
        bodyHtml: renderMarkdown(u.body),
        bodyText: markdownToPlainText(u.body),
        technicalHtml: u.body_technical ? renderMarkdown(u.body_technical) : null,
        technicalText: u.body_technical ? markdownToPlainText(u.body_technical) : null,
        affectedComponents: (u.affected_components ?? []).map((a) => ({
          id: a.code,
          name: a.name,
          oldStatus: asStatus(a.old_status),
          newStatus: asStatus(a.new_status),
        })),
        deliverNotifications: u.deliver_notifications,
        displayAt: u.display_at,
        createdAt: u.created_at,
        updatedAt: u.updated_at,
      }))
    const status = publicStatus(row.status)
    const componentIds = rows.incidentComponents.filter((l) => l.incident_id === row.id).map((l) => l.component_id)
    const postmortem = postmortemOf(rows.postmortems.find((p) => p.incident_id === row.id))
    return {
      id: row.id,
      name: row.title,
      status,
      impact: shownImpact({
        chosen: row.impact_chosen ? asImpact(row.impact) : null,
        isOpen: isIncidentOpen({ status }),
        currentStatuses: rows.components.filter((c) => componentIds.includes(c.id)).map((c) => asStatus(c.status)),
        recordedStatuses: updates.flatMap((u) => u.affectedComponents.map((a) => a.newStatus)),
      }),
      createdAt: row.created_at,
      // A corrected postmortem is a change readers see.
      updatedAt: postmortem && postmortem.updatedAt > row.updated_at ? postmortem.updatedAt : row.updated_at,
      startedAt: row.started_at,
      monitoringAt: row.monitoring_at,
      resolvedAt: row.resolved_at,
      updates,
      componentIds,
      facts: {
        whoIsAffected: row.who_is_affected,
        expectedDuration: row.expected_duration,
        workaround: row.workaround,
        contact: row.contact,
        responseTimeMinutes: row.response_time_minutes,
        provider: row.show_provider_on_page ? row.third_party_provider : null,
      },
      postmortem,
    }
  })

  const maintenances = rows.maintenances.map((row): MaintenanceView => {
    const updates = rows.maintenanceUpdates.filter((u) => u.maintenance_id === row.id)
    const written = updates.length
      ? updates
      : row.body.trim()
        ? [{ id: `${row.id}-notice`, status: 'scheduled', body: row.body, created_at: row.created_at }]
        : []
    return {
      id: row.id,
      name: row.title,
      status: asMaintenanceStatus(row.status),
      scheduledFor: row.scheduled_for,
      scheduledUntil: row.scheduled_until,
      startedAt: row.started_at,
      completedAt: row.completed_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      componentIds: rows.maintenanceComponents.filter((l) => l.maintenance_id === row.id).map((l) => l.component_id),
      updates: written.map((u) => ({
        id: u.id,
        status: asMaintenanceStatus(u.status),
        bodyHtml: renderMarkdown(u.body),
        bodyText: markdownToPlainText(u.body),
        displayAt: u.created_at,
        createdAt: u.created_at,
        updatedAt: u.created_at,
      })),
    }
  })

  // The uptime bars colour incident time by the impact customers were shown.
  const shownImpacts = new Map(incidents.map((i) => [i.id, i.impact]))
  const windowsFor = (componentId: string): IncidentWindow[] =>
    rows.incidents
      .filter((i) => rows.incidentComponents.some((l) => l.incident_id === i.id && l.component_id === componentId))
      .map((i) => {
        const closed = !['investigating', 'identified', 'monitoring'].includes(i.status)
        return {
          startAt: i.started_at,
          endAt: i.resolved_at ?? (closed ? i.updated_at : null),
          impact: shownImpacts.get(i.id) ?? 'none',
        }
      })

  const components = rows.components.map((c) => {
    const startDate = calendarDate(c.start_date)
    const changes = rows.statusChanges.filter((s) => s.component_id === c.id)
    const status = asStatus(c.status)
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      position: c.position,
      status,
      groupId: c.group_id,
      onlyShowIfDegraded: c.only_show_if_degraded,
      showcase: c.showcase,
      startDate,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      uptime: computeUptime({
        now,
        days: uptimeDays,
        initialStatus: changes.length ? asStatus(changes[0]!.old_status) : status,
        changes: changes.map((s) => ({ at: s.changed_at, status: asStatus(s.new_status) })),
        incidents: windowsFor(c.id),
        since: startDate ? new Date(`${startDate}T00:00:00Z`) : c.created_at,
      }),
    }
  })

  const branding = (page.branding ?? {}) as Record<string, unknown>
  const times = [
    page.updated_at,
    ...rows.components.map((c) => c.updated_at),
    ...rows.groups.map((g) => g.updated_at),
    ...incidents.map((i) => i.updatedAt),
    ...maintenances.map((m) => m.updatedAt),
  ]
  const parts = { components, incidents, maintenances }
  return {
    page: {
      id: page.id,
      slug: page.slug,
      name: page.name,
      url: publicPageUrl(options.baseUrl, page.slug, page.hostnames),
      locale: isSupportedLocale(page.locale) ? page.locale : 'en',
      timeZone: page.time_zone,
      updatedAt: new Date(Math.max(...times.map((t) => t.getTime()))),
      branding: {
        logoUrl: text(branding.logoUrl),
        brandColor: text(branding.brandColor),
        supportUrl: text(branding.supportUrl),
        subscribeUrl: text(branding.subscribeUrl),
      },
      hostnames: page.hostnames,
    },
    groups: rows.groups.map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description,
      position: g.position,
      createdAt: g.created_at,
      updatedAt: g.updated_at,
    })),
    ...parts,
    indicator: indicatorOf(parts),
    generatedAt: now,
  }
}

import { worstComponentStatus } from '../domain/component/component-status.js'
import { indicatorDescriptions } from '../domain/component/page-indicator.js'
import { isMaintenanceActive } from '../domain/incident/maintenance-status.js'
import { incidentPath, type RenderMode } from './html/links.js'
import {
  newestFirst,
  isIncidentOpen,
  type ComponentView,
  type IncidentView,
  type MaintenanceView,
  type StatusPageView,
} from './view-model.js'

/**
 * Atlassian Statuspage public API v2, field for field (names, order, enums, nesting), so
 * existing clients and widgets read Candor pages unchanged. Descriptions stay English, as
 * clients match on them. Checked against ../shared/fixtures/statuspage-v2-summary.json.
 */
const iso = (at: Date | null) => (at ? at.toISOString() : null)
const recentLimit = 50

function pageJson(view: StatusPageView) {
  const { page } = view
  return { id: page.id, name: page.name, url: page.url, time_zone: page.timeZone, updated_at: iso(page.updatedAt) }
}

function componentJson(view: StatusPageView, c: ComponentView) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    position: c.position,
    description: c.description,
    showcase: c.showcase,
    start_date: c.startDate,
    group_id: c.groupId,
    page_id: view.page.id,
    group: false,
    only_show_if_degraded: c.onlyShowIfDegraded,
  }
}

/** Groups are components with `group: true` listing their members' ids, each member followed by its group. */
function componentsJson(view: StatusPageView) {
  const sorted = [...view.components].sort((a, b) => a.position - b.position)
  const out: object[] = []
  const top = [
    ...sorted
      .filter((c) => !c.groupId || !view.groups.some((g) => g.id === c.groupId))
      .map((c) => ({ position: c.position, c })),
    ...view.groups.map((g) => ({ position: g.position, g })),
  ].sort((a, b) => a.position - b.position)
  for (const entry of top) {
    if ('c' in entry) {
      out.push(componentJson(view, entry.c))
      continue
    }
    const g = entry.g
    const members = sorted.filter((c) => c.groupId === g.id)
    for (const m of members) out.push(componentJson(view, m))
    out.push({
      id: g.id,
      name: g.name,
      status: worstComponentStatus(members.map((m) => m.status)),
      created_at: iso(g.createdAt),
      updated_at: iso(g.updatedAt),
      position: g.position,
      description: g.description,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: view.page.id,
      group: true,
      only_show_if_degraded: false,
      components: members.map((m) => m.id),
    })
  }
  return out
}

function shortlink(view: StatusPageView, mode: RenderMode, id: string): string {
  return view.page.url + incidentPath(mode, id)
}

function incidentJson(view: StatusPageView, mode: RenderMode, i: IncidentView) {
  const components = view.components.filter((c) => i.componentIds.includes(c.id))
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    created_at: iso(i.createdAt),
    updated_at: iso(i.updatedAt),
    monitoring_at: iso(i.monitoringAt),
    resolved_at: iso(i.resolvedAt),
    impact: i.impact,
    shortlink: shortlink(view, mode, i.id),
    started_at: iso(i.startedAt),
    page_id: view.page.id,
    incident_updates: newestFirst(i.updates).map((u) => ({
      id: u.id,
      status: u.status,
      body: u.bodyText,
      incident_id: i.id,
      created_at: iso(u.createdAt),
      updated_at: iso(u.updatedAt),
      display_at: iso(u.displayAt),
      affected_components: u.affectedComponents.map((a) => ({
        code: a.id,
        name: a.name,
        old_status: a.oldStatus,
        new_status: a.newStatus,
      })),
      deliver_notifications: u.deliverNotifications,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: components.map((c) => componentJson(view, c)),
  }
}

function maintenanceJson(view: StatusPageView, mode: RenderMode, m: MaintenanceView) {
  const components = view.components.filter((c) => m.componentIds.includes(c.id))
  return {
    id: m.id,
    name: m.name,
    status: m.status,
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
    monitoring_at: null,
    resolved_at: iso(m.completedAt),
    impact: 'maintenance',
    shortlink: shortlink(view, mode, m.id),
    started_at: iso(m.startedAt ?? m.createdAt),
    page_id: view.page.id,
    incident_updates: newestFirst(m.updates).map((u) => ({
      id: u.id,
      status: u.status,
      body: u.bodyText,
      incident_id: m.id,
      created_at: iso(u.createdAt),
      updated_at: iso(u.updatedAt),
      display_at: iso(u.displayAt),
      affected_components: [],
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: components.map((c) => componentJson(view, c)),
    scheduled_for: iso(m.scheduledFor),
    scheduled_until: iso(m.scheduledUntil),
  }
}

const byCreatedNewest = (a: IncidentView, b: IncidentView) => b.createdAt.getTime() - a.createdAt.getTime()
const byScheduled = (a: MaintenanceView, b: MaintenanceView) => a.scheduledFor.getTime() - b.scheduledFor.getTime()

/** Every /api/v2 document of one page, keyed by path. */
export function statuspageDocuments(view: StatusPageView, mode: RenderMode): Record<string, unknown> {
  const page = pageJson(view)
  const status = { indicator: view.indicator, description: indicatorDescriptions[view.indicator] }
  const incident = (i: IncidentView) => incidentJson(view, mode, i)
  const maintenance = (m: MaintenanceView) => maintenanceJson(view, mode, m)
  const unresolved = view.incidents.filter(isIncidentOpen).sort(byCreatedNewest).map(incident)
  const upcoming = view.maintenances.filter((m) => m.status === 'scheduled').sort(byScheduled)
  const active = view.maintenances.filter((m) => isMaintenanceActive(m.status)).sort(byScheduled)
  const components = componentsJson(view)
  return {
    '/api/v2/summary.json': {
      page,
      components,
      incidents: unresolved,
      scheduled_maintenances: [...active, ...upcoming].map(maintenance),
      status,
    },
    '/api/v2/status.json': { page, status },
    '/api/v2/components.json': { page, components },
    '/api/v2/incidents.json': {
      page,
      incidents: [...view.incidents].sort(byCreatedNewest).slice(0, recentLimit).map(incident),
    },
    '/api/v2/incidents/unresolved.json': { page, incidents: unresolved },
    '/api/v2/scheduled-maintenances.json': {
      page,
      scheduled_maintenances: [...view.maintenances]
        .sort((a, b) => byScheduled(b, a))
        .slice(0, recentLimit)
        .map(maintenance),
    },
    '/api/v2/scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: upcoming.map(maintenance) },
    '/api/v2/scheduled-maintenances/active.json': { page, scheduled_maintenances: active.map(maintenance) },
  }
}

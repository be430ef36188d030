import type { ComponentStatus } from '../domain/component/component-status.js'
import { pageIndicator, type Indicator } from '../domain/component/page-indicator.js'
import type { Uptime } from '../domain/component/uptime.js'
import type { Impact } from '../domain/incident/impact.js'
import { isMaintenanceActive, type MaintenanceStatus } from '../domain/incident/maintenance-status.js'
import type { SupportedLocale } from '../domain/locales.js'
import type { PostmortemSection } from '../domain/postmortem/postmortem-sections.js'

/**
 * Everything one public status page shows, as plain data. The store builds it once per
 * change; every renderer (HTML, Statuspage JSON, feeds, badge, export) reads only this.
 * Strings are text unless the field name ends in `Html` (already sanitised upstream).
 */
export interface StatusPageView {
  page: PageInfo
  groups: ComponentGroupView[]
  components: ComponentView[]
  /** Open incidents and recent history, any order; renderers sort. */
  incidents: IncidentView[]
  /** Upcoming, in-progress and recent completed maintenances, any order. */
  maintenances: MaintenanceView[]
  indicator: Indicator
  generatedAt: Date
}

export interface PageInfo {
  id: string
  slug: string
  name: string
  /** Absolute public address without a trailing slash, e.g. https://status.example.com. */
  url: string
  locale: SupportedLocale
  timeZone: string
  /** When anything shown on the page last changed. */
  updatedAt: Date
  branding: Branding
  hostnames: string[]
}

export interface Branding {
  logoUrl: string | null
  /** #rgb or #rrggbb; anything else is ignored. */
  brandColor: string | null
  supportUrl: string | null
  /** Where readers subscribe to updates; null: the instance's own form beside the page (feeds in a static copy). */
  subscribeUrl: string | null
}

export interface ComponentGroupView {
  id: string
  name: string
  description: string | null
  position: number
  createdAt: Date
  updatedAt: Date
}

export interface ComponentView {
  id: string
  name: string
  description: string | null
  position: number
  status: ComponentStatus
  groupId: string | null
  onlyShowIfDegraded: boolean
  /** Statuspage's flag: show the uptime bars for this component. */
  showcase: boolean
  /** YYYY-MM-DD, or null. */
  startDate: string | null
  createdAt: Date
  updatedAt: Date
  uptime: Uptime | null
}

/** The statuses Statuspage publishes for incidents and their updates. */
export type PublicIncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem'

export interface IncidentView {
  id: string
  name: string
  status: PublicIncidentStatus
  impact: Impact
  createdAt: Date
  updatedAt: Date
  startedAt: Date
  monitoringAt: Date | null
  resolvedAt: Date | null
  updates: IncidentUpdateView[]
  componentIds: string[]
  /** What the communicators keep on the incident for every channel; absent facts are null. */
  facts: IncidentFactsView
  /** The published public postmortem, or null. */
  postmortem: PostmortemView | null
}

export interface IncidentFactsView {
  whoIsAffected: string | null
  expectedDuration: string | null
  workaround: string | null
  contact: string | null
  responseTimeMinutes: number | null
  /** Named only when the communicator chose to show it here; other channels never name it. */
  provider: string | null
}

export interface PostmortemView {
  /** The seeds' sections that were written, in order; `html` is sanitised Markdown. */
  sections: { key: PostmortemSection; html: string; text: string }[]
  publishedAt: Date
  /** When it was last corrected (equal to `publishedAt` until then). */
  updatedAt: Date
}

export interface IncidentUpdateView {
  id: string
  status: PublicIncidentStatus
  bodyHtml: string
  bodyText: string
  /** The second audience ("Details for IT teams"); null when there is none. */
  technicalHtml: string | null
  technicalText: string | null
  affectedComponents: AffectedComponentView[]
  deliverNotifications: boolean
  displayAt: Date
  createdAt: Date
  updatedAt: Date
}

export interface AffectedComponentView {
  id: string
  name: string
  oldStatus: ComponentStatus
  newStatus: ComponentStatus
}

export interface MaintenanceView {
  id: string
  name: string
  status: MaintenanceStatus
  scheduledFor: Date
  scheduledUntil: Date
  startedAt: Date | null
  completedAt: Date | null
  createdAt: Date
  updatedAt: Date
  updates: MaintenanceUpdateView[]
  componentIds: string[]
}

export interface MaintenanceUpdateView {
  id: string
  status: MaintenanceStatus
  bodyHtml: string
  bodyText: string
  displayAt: Date
  createdAt: Date
  updatedAt: Date
}

export function isIncidentOpen(incident: Pick<IncidentView, 'status'>): boolean {
  return incident.status !== 'resolved' && incident.status !== 'postmortem'
}

/** The page indicator from the view's own parts, as Statuspage derives it. */
export function indicatorOf(view: Pick<StatusPageView, 'components' | 'incidents' | 'maintenances'>): Indicator {
  return pageIndicator({
    componentStatuses: view.components.map((c) => c.status),
    openIncidentImpacts: view.incidents.filter(isIncidentOpen).map((i) => i.impact),
    hasActiveMaintenance: view.maintenances.some((m) => isMaintenanceActive(m.status)),
  })
}

/** Newest first; updates shown at the same instant put the one written later first (the list is in writing order). */
export function newestFirst<T extends { displayAt: Date; createdAt: Date }>(updates: readonly T[]): T[] {
  return [...updates]
    .reverse()
    .sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime())
}
export const byStartedNewest = (a: IncidentView, b: IncidentView) => b.startedAt.getTime() - a.startedAt.getTime()

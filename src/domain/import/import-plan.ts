/**
 * A source-neutral import plan (PRODUCT.md §7, "moving in"): what to create in Candor from
 * another tool's data, each item keyed by a stable external key (`source:kind:id`) so that a
 * second run finds what the first one created and updates it instead of adding it again.
 * Adapters (src/import/) build plans; app/import/ writes them. Pure data, no I/O.
 */
import type { ComponentStatus } from '../component/component-status.js'
import type { Impact } from '../incident/impact.js'
import type { Restriction } from '../oncall/schedule-types.js'

export const importSources = ['statuspage', 'pagerduty', 'opsgenie', 'uptime-kuma', 'cachet'] as const
export type ImportSource = (typeof importSources)[number]

export function isImportSource(value: unknown): value is ImportSource {
  return typeof value === 'string' && (importSources as readonly string[]).includes(value)
}

/** `statuspage:component:8kbf7d35c070` — the same object keeps the same key on every run. */
export function externalKey(source: ImportSource, kind: string, id: string | number): string {
  return `${source}:${kind}:${id}`
}

export interface PlannedPage {
  key: string
  name: string
  /** A wish: the writer picks a free slug near it when another page has it. */
  slug: string
  timeZone?: string
}

export interface PlannedGroup {
  key: string
  pageKey: string
  name: string
  description: string | null
  position: number
}

export interface PlannedComponent {
  key: string
  pageKey: string
  groupKey: string | null
  name: string
  description: string | null
  status: ComponentStatus
  position: number
  showcase?: boolean
  onlyShowIfDegraded?: boolean
  /** "YYYY-MM-DD": uptime bars start here rather than on the day of the import. */
  startDate?: string | null
}

export interface PlannedUpdate {
  key: string
  status: string
  body: string
  at: Date
  /** What the update changed, as the source's page showed it ("API: operational → partial outage"). */
  componentChanges?: { componentKey: string; name: string; oldStatus: string; newStatus: string }[]
}

export const importedIncidentStatuses = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem_published',
] as const
export type ImportedIncidentStatus = (typeof importedIncidentStatuses)[number]

export interface PlannedIncident {
  key: string
  pageKey: string
  title: string
  status: ImportedIncidentStatus
  impact: Impact
  startedAt: Date
  identifiedAt: Date | null
  monitoringAt: Date | null
  resolvedAt: Date | null
  componentKeys: string[]
  /** Oldest first, each with the time the source showed it. */
  updates: PlannedUpdate[]
}

export type ImportedMaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed'

export interface PlannedMaintenance {
  key: string
  pageKey: string
  title: string
  body: string
  status: ImportedMaintenanceStatus
  scheduledFor: Date
  scheduledUntil: Date
  startedAt: Date | null
  completedAt: Date | null
  componentKeys: string[]
  updates: PlannedUpdate[]
}

export interface PlannedSubscriber {
  key: string
  pageKey: string
  channel: 'email' | 'webhook'
  address: string
  /** Confirmed in the source: active here at once, without a confirmation mail. */
  isConfirmed: boolean
  /** Empty: the whole page. */
  componentKeys: string[]
}

export interface PlannedPerson {
  key: string
  email: string
  name: string
}

export interface PlannedContactMethod {
  key: string
  personKey: string
  kind: 'email' | 'webhook' | 'slack'
  address: string
  delayMinutes: number
}

export interface PlannedLayer {
  name: string
  shiftUnit: 'hours' | 'days' | 'weeks'
  shiftLength: number
  startAt: Date
  endAt: Date | null
  timeZone: string
  restrictions: Restriction[]
  /** Rotation order; a person may appear more than once. */
  participantKeys: string[]
}

export interface PlannedSchedule {
  key: string
  name: string
  description: string
  timeZone: string
  /** Candor's order: later layers take precedence. */
  layers: PlannedLayer[]
}

export interface PlannedOverride {
  key: string
  scheduleKey: string
  personKey: string
  startAt: Date
  endAt: Date
}

export type PlannedTarget = { kind: 'schedule'; key: string } | { kind: 'person'; key: string }

export interface PlannedPolicy {
  key: string
  name: string
  description: string
  repeatCount: number
  levels: { ackTimeoutMinutes: number; targets: PlannedTarget[] }[]
}

export interface PlannedIntegration {
  key: string
  name: string
  kind: 'pagerduty' | 'webhook' | 'alertmanager' | 'email'
  /** The escalation policy the source's service paged (kept in the integration's config). */
  policyKey: string | null
}

/** Something the source has that Candor cannot hold, or holds only approximately. */
export interface ImportNote {
  /** What it is in the source: `schedule "Primary"`, `subscriber 4xk…`. */
  item: string
  reason: string
}

export interface ImportPlan {
  source: ImportSource
  pages: PlannedPage[]
  groups: PlannedGroup[]
  components: PlannedComponent[]
  incidents: PlannedIncident[]
  maintenances: PlannedMaintenance[]
  subscribers: PlannedSubscriber[]
  people: PlannedPerson[]
  contactMethods: PlannedContactMethod[]
  schedules: PlannedSchedule[]
  overrides: PlannedOverride[]
  policies: PlannedPolicy[]
  integrations: PlannedIntegration[]
  /** Left out entirely, with why. */
  skipped: ImportNote[]
  /** Imported, but not exactly as the source had it. */
  approximations: ImportNote[]
}

export function emptyPlan(source: ImportSource): ImportPlan {
  return {
    source,
    pages: [],
    groups: [],
    components: [],
    incidents: [],
    maintenances: [],
    subscribers: [],
    people: [],
    contactMethods: [],
    schedules: [],
    overrides: [],
    policies: [],
    integrations: [],
    skipped: [],
    approximations: [],
  }
}

/** The kinds a plan holds, in the order they are written (each may name only those before it). */
export const plannedKinds = [
  'pages',
  'groups',
  'components',
  'incidents',
  'maintenances',
  'subscribers',
  'people',
  'contactMethods',
  'schedules',
  'overrides',
  'policies',
  'integrations',
] as const satisfies readonly (keyof ImportPlan)[]
export type PlannedKind = (typeof plannedKinds)[number]

export function planCounts(plan: ImportPlan): Record<PlannedKind, number> {
  return Object.fromEntries(plannedKinds.map((k) => [k, plan[k].length])) as Record<PlannedKind, number>
}

import { activePublicStatuses, type IncidentStatus } from '../incident/incident-status.js'
import type { IncidentRole } from '../process/incident-roles.js'
import { samePerson, type Person } from '../process/people.js'
import { scopeChecklistItems, type ScopeChecklistItem } from '../process/scope-checklist.js'
import { sortTimeline, type TimelineEntry } from '../process/timeline.js'

type Of<T extends TimelineEntry['type']> = Extract<TimelineEntry, { type: T }>

/** What the incident row says, for incidents whose timeline does not start at the beginning (adopted ones). */
export interface IncidentFacts {
  status: IncidentStatus
  isDrill: boolean
  openedAt: Date
  severity: number
  resolvedAt: Date | null
}

export interface Assignment {
  role: IncidentRole
  person: Person
  at: Date
  /** When someone else took the role over, or null while the person still holds it. */
  endedAt: Date | null
}

/** The facts the scorecard rules read, taken once from a timeline in time order. */
export interface TimelineFacts {
  entries: TimelineEntry[]
  /** False for incidents adopted into the process (opened straight to the public, or before it existed). */
  hasOpening: boolean
  openedAt: Date
  /** The first alert: the alarm that opened the incident, or an earlier alert attached to it. */
  firstAlertAt: Date
  initialSeverity: number
  /** When triage was first decided (declared or stood down), or null. */
  triageDecidedAt: Date | null
  wasInTriage: boolean
  isStoodDown: boolean
  assignments: Assignment[]
  checkIns: { person: Person; at: Date }[]
  /** Messages to customers (for a drill: to the team in their place), oldest first. */
  publicMessages: Of<'message_published'>[]
  /** When the incident was last resolved, or null when it is not resolved now. */
  resolvedAt: Date | null
  postmortemPublishedAt: Date | null
  scopeAnswered: Set<ScopeChecklistItem>
}

export function isActive(status: IncidentStatus): boolean {
  return (activePublicStatuses as readonly string[]).includes(status)
}

export function timelineFacts(incident: IncidentFacts, timeline: readonly TimelineEntry[]): TimelineFacts {
  const entries = sortTimeline(timeline)
  const of = <T extends TimelineEntry['type']>(type: T) => entries.filter((e): e is Of<T> => e.type === type)
  const opening = of('incident_opened')[0]
  const openedAt = opening?.at ?? incident.openedAt
  const alertTimes = [openedAt, ...of('alert_attached').map((e) => e.at)].map((d) => d.getTime())
  const statusChanges = of('status_change')
  const decision = statusChanges.find((e) => e.from === 'triage' && e.to !== 'triage')
  const resolutions = statusChanges.filter((e) => e.to === 'resolved')
  const lastResolution = resolutions[resolutions.length - 1]
  const isResolvedNow = ['resolved', 'postmortem_published', 'closed'].includes(incident.status)
  const postmortem = entries.find(
    (e) => e.type === 'postmortem_published' || (e.type === 'message_published' && e.stage === 'postmortem'),
  )
  return {
    entries,
    hasOpening: opening !== undefined,
    openedAt,
    firstAlertAt: new Date(Math.min(...alertTimes)),
    initialSeverity: opening?.severity ?? of('severity_change')[0]?.from ?? incident.severity,
    triageDecidedAt: decision?.at ?? null,
    // Triage is decided by declaring or standing down; straight to a public status means it was opened public.
    wasInTriage:
      (opening !== undefined || decision !== undefined) &&
      (decision === undefined || decision.to === 'declared' || decision.to === 'stood_down'),
    isStoodDown: incident.status === 'stood_down' || (decision?.to === 'stood_down' && incident.status === 'triage'),
    assignments: assignmentsOf(of('role_change')),
    checkIns: of('check_in').map((e) => ({ person: e.person, at: e.at })),
    publicMessages: of('message_published').filter((e) => e.stage !== 'internal'),
    resolvedAt: isResolvedNow ? (lastResolution?.at ?? incident.resolvedAt) : null,
    postmortemPublishedAt: postmortem?.at ?? null,
    scopeAnswered: new Set(of('scope_answer').map((e) => e.item)),
  }
}

/** Who held which role from when to when: each role change ends the previous holder's turn. */
function assignmentsOf(changes: readonly Of<'role_change'>[]): Assignment[] {
  const out: Assignment[] = []
  for (const change of changes) {
    const current = out.find((a) => a.role === change.role && a.endedAt === null)
    if (current && !samePerson(current.person, change.to)) current.endedAt = change.at
    if (change.to && !(current && samePerson(current.person, change.to)))
      out.push({ role: change.role, person: change.to, at: change.at, endedAt: null })
  }
  return out
}

/** The status after every entry up to and including `index`; before the first change, what it changed from. */
export function statusTimeline(facts: TimelineFacts, current: IncidentStatus): (index: number) => IncidentStatus {
  const firstChange = facts.entries.find((e): e is Of<'status_change'> => e.type === 'status_change')
  const statuses: IncidentStatus[] = []
  let status: IncidentStatus = facts.hasOpening ? 'triage' : (firstChange?.from ?? current)
  for (const e of facts.entries) {
    if (e.type === 'status_change') status = e.to
    statuses.push(status)
  }
  return (index) => statuses[index] ?? status
}

export const allScopeItems: readonly ScopeChecklistItem[] = scopeChecklistItems

import type { IncidentStatus } from '../incident/incident-status.js'
import { defaultSeverityScale } from '../incident/severity.js'
import type { CheckInRole, IncidentRole } from '../process/incident-roles.js'
import type { ActorRef, Person } from '../process/people.js'
import type { ScopeChecklistItem } from '../process/scope-checklist.js'
import { entry, type MessageStage, type TimelineEntry } from '../process/timeline.js'
import { defaultScorecardSettings, type RuleResult, type ScorecardSettings } from './rule-types.js'
import { scoreIncident, type ReviewerTick, type ScorecardInput } from './score-incident.js'
import { timelineFacts, type IncidentFacts } from './timeline-facts.js'
import { timelineRules } from './timeline-rules.js'

/** Hand-written timelines for the scorecard's tests: minutes after t0, in the order they happened. */
export const t0 = new Date('2026-05-04T09:00:00Z')
export const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
export const days = (n: number) => n * 24 * 60
const actor: ActorRef = { kind: 'user', id: 'u-ana', name: 'Ana' }
export const ana: Person = { id: 'u-ana', name: 'Ana' }
export const bo: Person = { id: 'u-bo', name: 'Bo' }
export const cy: Person = { id: 'u-cy', name: 'Cy' }

export const settings: ScorecardSettings = {
  ...defaultScorecardSettings,
  triageWindowMinutes: 15,
  severityScale: defaultSeverityScale,
}

export const ev = {
  opened: (minute = 0, severity = 4, isDrill = false): TimelineEntry =>
    entry(
      {
        type: 'incident_opened',
        title: 'Checkout is down',
        crisisType: 'service_outage',
        severity,
        isDrill,
        source: 'alert',
      },
      at(minute),
      actor,
    ),
  alert: (minute: number): TimelineEntry =>
    entry({ type: 'alert_attached', alertId: `a-${minute}`, summary: 'HTTP 5xx above 5%' }, at(minute), actor),
  status: (minute: number, from: IncidentStatus, to: IncidentStatus): TimelineEntry =>
    entry({ type: 'status_change', from, to, isReopening: from === 'resolved' }, at(minute), actor),
  role: (minute: number, role: IncidentRole, to: Person | null, from: Person | null = null): TimelineEntry =>
    entry(
      { type: 'role_change', role, from, to, backup: null, reason: from ? 'handover' : 'assigned' },
      at(minute),
      actor,
    ),
  checkIn: (minute: number, person: Person, role: CheckInRole = 'responder'): TimelineEntry =>
    entry({ type: 'check_in', person, role }, at(minute), actor),
  message: (minute: number, stage: MessageStage, status: IncidentStatus, isDrill = false): TimelineEntry =>
    entry(
      {
        type: 'message_published',
        stage,
        audience: isDrill ? 'team' : 'public',
        channels: isDrill ? [] : ['status_page'],
        status,
        text: `${stage} text`,
        isDrill,
      },
      at(minute),
      actor,
    ),
  cadence: (minute: number, fromMinutes: number, toMinutes: number): TimelineEntry =>
    entry({ type: 'cadence_change', fromMinutes, toMinutes, announcement: 'new cadence' }, at(minute), actor),
  scope: (minute: number, item: ScopeChecklistItem): TimelineEntry =>
    entry({ type: 'scope_answer', item, answer: 'unknown yet' }, at(minute), actor),
  postmortem: (minute: number): TimelineEntry =>
    entry({ type: 'postmortem_published', isAnnounced: true, isRevision: false }, at(minute), actor),
}

/** Declared at 8, acknowledged at 10 (investigating), the scope answered, resolved with the all-clear at 180. */
export function goodIncident(): TimelineEntry[] {
  return [
    ev.opened(0),
    ev.role(0, 'incident_lead', ana),
    ev.checkIn(2, ana, 'incident_lead'),
    ev.status(8, 'triage', 'declared'),
    ev.role(8, 'communications_lead', bo),
    ev.checkIn(9, bo, 'communications_lead'),
    ev.status(10, 'declared', 'investigating'),
    ev.message(10, 'acknowledgement', 'investigating'),
    ev.scope(12, 'startedAt'),
    ev.scope(13, 'expectedDuration'),
    ev.scope(14, 'affected'),
    ev.scope(15, 'workaround'),
    ev.message(65, 'update', 'investigating'),
    ev.status(120, 'investigating', 'identified'),
    ev.message(120, 'update', 'identified'),
    ev.status(180, 'identified', 'resolved'),
    ev.message(180, 'all_clear', 'resolved'),
  ]
}

export function incidentFacts(status: IncidentStatus, overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return { status, isDrill: false, openedAt: t0, severity: 4, resolvedAt: null, ...overrides }
}

export interface RunOptions {
  status?: IncidentStatus
  now?: number
  ticks?: ReviewerTick[]
  skipped?: { reason: string } | null
  incident?: Partial<IncidentFacts>
}

function inputOf(timeline: readonly TimelineEntry[], options: RunOptions): ScorecardInput {
  return {
    incident: incidentFacts(options.status ?? 'resolved', options.incident),
    timeline,
    settings,
    ticks: options.ticks ?? [],
    postmortemSkipped: options.skipped ?? null,
    now: at(options.now ?? days(30)),
  }
}

/** One automatic rule's verdict on a timeline. */
export function ruleOn(key: string, timeline: readonly TimelineEntry[], options: RunOptions = {}): RuleResult {
  const input = inputOf(timeline, options)
  const rule = timelineRules[key]
  if (!rule) throw new Error(`no rule ${key}`)
  return rule({
    incident: input.incident,
    facts: timelineFacts(input.incident, input.timeline),
    settings,
    postmortemSkipped: input.postmortemSkipped ?? null,
    now: input.now,
  })
}

export function scoreOf(timeline: readonly TimelineEntry[], options: RunOptions = {}) {
  return scoreIncident(inputOf(timeline, options))
}

import { incidentRoleNames, incidentRoles, type IncidentRole } from '../process/incident-roles.js'
import type { Person } from '../process/people.js'
import type { TimelineEntry } from '../process/timeline.js'
import { notApplicable, open, type ItemStatus, type RuleResult, type ScorecardSettings } from './rule-types.js'
import { scorecardItems, type ScorecardItemDef } from './scorecard-items.js'
import { timelineFacts, type IncidentFacts } from './timeline-facts.js'
import { timelineRules } from './timeline-rules.js'

/** A reviewer's verdict on one item, with why; it overrules what the timeline says. */
export interface ReviewerTick {
  key: string
  status: Exclude<ItemStatus, 'open'>
  note: string | null
  by: Person
  at: Date
}

export interface ScorecardInput {
  incident: IncidentFacts
  timeline: readonly TimelineEntry[]
  settings: ScorecardSettings
  ticks: readonly ReviewerTick[]
  postmortemSkipped?: { reason: string } | null
  now: Date
}

export interface ScoredItem extends ScorecardItemDef {
  roleName: string
  status: ItemStatus
  detail: string
  /** What the timeline says (null for reviewer items), kept beside a reviewer's verdict. */
  automatic: RuleResult | null
  tick: ReviewerTick | null
}

export interface Tally {
  met: number
  missed: number
  open: number
  notApplicable: number
  /** Met out of the decided items (met + missed), 0–100; null when nothing is decided yet. */
  percent: number | null
}

export interface Scorecard {
  isDrill: boolean
  items: ScoredItem[]
  byRole: ({ role: IncidentRole; roleName: string } & Tally)[]
  score: Tally
  /** The steps missed, each named with its role: where coaching, training or the process needs work. */
  missedSteps: { key: string; role: IncidentRole; roleName: string; title: string; detail: string }[]
  /** Every applicable item is decided (met or missed). */
  isComplete: boolean
}

/** Scores one incident or drill: pure, from its timeline, the reviewer's ticks and the time now. */
export function scoreIncident(input: ScorecardInput): Scorecard {
  const facts = timelineFacts(input.incident, input.timeline)
  const ruleInput = {
    incident: input.incident,
    facts,
    settings: input.settings,
    postmortemSkipped: input.postmortemSkipped ?? null,
    now: input.now,
  }
  const items = scorecardItems.map((def): ScoredItem => {
    const rule = timelineRules[def.key]
    const automatic = rule ? rule(ruleInput) : null
    const tick = input.ticks.find((t) => t.key === def.key) ?? null
    // A false alarm leaves most roles nothing to do; the lead's own steps still count.
    const untouched =
      facts.isStoodDown && def.role !== 'incident_lead'
        ? notApplicable('Stood down: a false alarm')
        : open('Waiting for a reviewer')
    const result = tick
      ? { status: tick.status, detail: tick.note ?? 'Ticked by a reviewer' }
      : (automatic ?? untouched)
    return { ...def, roleName: incidentRoleNames[def.role], ...result, automatic, tick }
  })
  const byRole = incidentRoles.map((role) => ({
    role,
    roleName: incidentRoleNames[role],
    ...tally(items.filter((i) => i.role === role)),
  }))
  const score = tally(items)
  return {
    isDrill: input.incident.isDrill,
    items,
    byRole,
    score,
    missedSteps: items
      .filter((i) => i.status === 'missed')
      .map(({ key, role, roleName, title, detail }) => ({ key, role, roleName, title, detail })),
    isComplete: score.open === 0,
  }
}

export function tally(items: readonly { status: ItemStatus }[]): Tally {
  const count = (s: ItemStatus) => items.filter((i) => i.status === s).length
  const met = count('met')
  const missed = count('missed')
  return {
    met,
    missed,
    open: count('open'),
    notApplicable: count('not_applicable'),
    percent: met + missed === 0 ? null : Math.round((100 * met) / (met + missed)),
  }
}

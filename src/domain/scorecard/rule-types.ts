import type { SeverityLevel } from '../incident/severity.js'
import type { IncidentFacts, TimelineFacts } from './timeline-facts.js'

export type ItemStatus = 'met' | 'missed' | 'open' | 'not_applicable'

export interface RuleResult {
  status: ItemStatus
  /** Why, in a sentence a reviewer can check against the timeline. */
  detail: string
}

/** The promises the scorecard checks against; the seeds' figures unless the organisation's process differs. */
export interface ScorecardSettings {
  checkInWithinMinutes: number
  triageWindowMinutes: number
  firstAcknowledgementWithinMinutes: number
  postmortemWithinDays: number
  /** For the cadence promised before anyone chose one: the severity's. */
  severityScale: readonly SeverityLevel[]
  /** Key customers with SLA terms exist (not yet in Candor: the item is then not applicable). */
  hasKeyCustomers: boolean
}

export const defaultScorecardSettings: Omit<ScorecardSettings, 'triageWindowMinutes' | 'severityScale'> = {
  checkInWithinMinutes: 10,
  firstAcknowledgementWithinMinutes: 15,
  postmortemWithinDays: 5,
  hasKeyCustomers: false,
}

export interface RuleInput {
  incident: IncidentFacts
  facts: TimelineFacts
  settings: ScorecardSettings
  /** A postmortem skipped with a reason (allowed below the required severity). */
  postmortemSkipped: { reason: string } | null
  now: Date
}

export type Rule = (input: RuleInput) => RuleResult

export const met = (detail: string): RuleResult => ({ status: 'met', detail })
export const missed = (detail: string): RuleResult => ({ status: 'missed', detail })
export const open = (detail: string): RuleResult => ({ status: 'open', detail })
export const notApplicable = (detail: string): RuleResult => ({ status: 'not_applicable', detail })

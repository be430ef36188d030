import type { IncidentStatus } from '../incident/incident-status.js'
import type { CriterionConfirmation } from './crisis-types.js'
import type { CheckIn, RoleAssignment, Shadow } from './incident-roles.js'
import type { ScopeChecklist } from './scope-checklist.js'
import type { TriageClock } from './triage-timebox.js'

/** An incident as the crisis process sees it: lifecycle, people, checklists and the cadence promise. */
export interface ProcessIncident {
  id: string
  title: string
  crisisType: string
  severity: number
  status: IncidentStatus
  isDrill: boolean
  openedAt: Date
  declaredAt: Date | null
  identifiedAt: Date | null
  monitoringAt: Date | null
  resolvedAt: Date | null
  stoodDownAt: Date | null
  closedAt: Date | null
  reopenCount: number
  triage: TriageClock
  criteria: CriterionConfirmation[]
  scope: ScopeChecklist
  roles: RoleAssignment[]
  shadows: Shadow[]
  checkIns: CheckIn[]
  playbookKey: string | null
  answers: Record<string, boolean>
  tasksDone: string[]
  acknowledgedAt: Date | null
  scopePublishedAt: Date | null
  lastPublicUpdateAt: Date | null
  cadenceMinutes: number
  /** Set once someone chooses a cadence; until then it follows the severity. */
  isCadenceOverridden: boolean
  cadenceRemindedForDueAt: Date | null
  cadenceEscalatedForDueAt: Date | null
  /** Every channel a public message used: later updates go to all of them (the 8x8 seed, step 6). */
  channelsUsed: string[]
  /** Since when this incident freezes marketing, or null. */
  freezeSince: Date | null
}

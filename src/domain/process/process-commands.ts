import type { ActivePublicStatus, IncidentStatus } from '../incident/incident-status.js'
import type { CheckInRole, IncidentRole } from './incident-roles.js'
import type { ActorRef, Person } from './people.js'
import type { ScopeChecklist, ScopeChecklistItem } from './scope-checklist.js'
import type { StakeholderEvent, StakeholderGroup } from './stakeholders.js'
import type { MessageStage, TimelineEntry } from './timeline.js'
import type { ProcessIncident } from './incident-process.js'
import type { ProcessPolicy } from './process-policy.js'

export type PublicStage = 'acknowledgement' | 'scope' | 'update' | 'all_clear' | 'postmortem'

export type ProcessCommand =
  | { type: 'confirm_criterion'; criterionId: string; isMet: boolean }
  | { type: 'declare'; override?: { reason: string } }
  | { type: 'stand_down'; reason: string }
  | { type: 'transition'; to: IncidentStatus; reason?: string }
  | { type: 'set_severity'; level: number }
  | { type: 'set_crisis_type'; crisisType: string }
  | { type: 'set_cadence'; minutes: number }
  | { type: 'answer_scope'; item: ScopeChecklistItem; answer: NonNullable<ScopeChecklist[ScopeChecklistItem]> }
  | { type: 'publish'; stage: PublicStage; text: string; channels: string[]; status?: ActivePublicStatus }
  | {
      type: 'record_message'
      stage: MessageStage
      channel: string
      audience: string
      recipientCount: number
      text?: string
    }
  | { type: 'assign_role'; role: IncidentRole; person: Person | null; backup?: Person | null }
  | { type: 'check_in'; role: CheckInRole; person?: Person }
  | { type: 'add_shadow'; person: Person; shadowing: IncidentRole | null }
  | { type: 'answer_question'; questionId: string; answer: boolean }
  | { type: 'check_task'; taskId: string; isDone: boolean }
  | { type: 'add_note'; text: string }
  | { type: 'record_decision'; text: string; rationale?: string }
  | { type: 'attach_alert'; alertId: string; summary: string; source?: string }
  /** An update already published elsewhere (the incidents API) moved the status to `to`: record and follow it. */
  | { type: 'observe_update'; to: IncidentStatus; text: string }
  /** Timers: triage time-box, cadence reminders and escalation, backup takeovers. Run by a job. */
  | { type: 'tick' }

export type ProcessCommandType = ProcessCommand['type']

/** What the app must send, in the same transaction as the change (outbox rows). */
export type OutboxIntent =
  | { kind: 'notify_stakeholders'; event: StakeholderEvent; groups: StakeholderGroup[]; text: string; isDrill: boolean }
  | {
      kind: 'message'
      stage: MessageStage
      /** A drill's messages go to the response team only. */
      audience: 'public' | 'team'
      channels: string[]
      status: IncidentStatus
      text: string
      isDrill: boolean
    }
  | {
      kind: 'notify_person'
      person: Person | null
      role: IncidentRole | null
      reason:
        | 'role_assigned'
        | 'backup_takeover'
        | 'triage_reminder'
        | 'triage_escalation'
        | 'cadence_reminder'
        | 'cadence_overdue'
      text: string
      isDrill: boolean
    }

export interface Rejection {
  code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_TRANSITION'
  message: string
  details: { path?: string; message: string }[]
}

export type ApplyResult =
  | { ok: true; incident: ProcessIncident; entries: TimelineEntry[]; intents: OutboxIntent[] }
  | { ok: false; rejection: Rejection }

export interface CommandContext {
  now: Date
  actor: ActorRef
  policy: ProcessPolicy
}

export function reject(code: Rejection['code'], message: string, details: Rejection['details'] = []): ApplyResult {
  return { ok: false, rejection: { code, message, details } }
}

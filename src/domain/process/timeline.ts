import type { IncidentStatus } from '../incident/incident-status.js'
import type { CheckInRole, IncidentRole, RoleChangeReason } from './incident-roles.js'
import type { ActorRef, Person } from './people.js'
import type { ScopeChecklistItem } from './scope-checklist.js'
import type { StakeholderEvent, StakeholderGroup } from './stakeholders.js'

/**
 * "Log all outbound communication so anyone can rebuild the timeline later" (the Zendesk
 * seed). Entries are append-only facts, each with its time and actor.
 */
export type TimelineEvent =
  | {
      type: 'incident_opened'
      title: string
      crisisType: string
      severity: number
      isDrill: boolean
      source: 'alert' | 'manual'
    }
  | { type: 'alert_attached'; alertId: string; summary: string; source?: string }
  | { type: 'check_in'; person: Person; role: CheckInRole }
  | {
      type: 'role_change'
      role: IncidentRole
      from: Person | null
      to: Person | null
      backup: Person | null
      reason: RoleChangeReason
    }
  | { type: 'shadow_joined'; person: Person; shadowing: IncidentRole | null }
  | { type: 'status_change'; from: IncidentStatus; to: IncidentStatus; isReopening: boolean; reason?: string }
  | { type: 'severity_change'; from: number; to: number; fromName: string; toName: string }
  | { type: 'crisis_type_change'; from: string; to: string }
  | { type: 'criterion_confirmed'; criterionId: string; text: string; isMet: boolean }
  | { type: 'criteria_overridden'; reason: string; unmet: string[] }
  | { type: 'scope_answer'; item: ScopeChecklistItem; answer: string }
  | { type: 'playbook_answer'; questionId: string; question: string; answer: boolean }
  | { type: 'task_checked'; taskId: string; text: string; isDone: boolean }
  | { type: 'note'; text: string }
  | { type: 'decision'; text: string; rationale?: string }
  | { type: 'cadence_change'; fromMinutes: number; toMinutes: number; announcement: string }
  | {
      type: 'message_sent'
      stage: MessageStage
      channel: string
      audience: string
      recipientCount: number
      isDrill: boolean
      text?: string
    }
  /** What was published, to whom; delivery later reports each channel's `message_sent` with its count. */
  | {
      type: 'message_published'
      stage: MessageStage
      audience: 'public' | 'team'
      channels: string[]
      status: IncidentStatus
      text: string
      isDrill: boolean
    }
  | { type: 'stakeholders_notified'; event: StakeholderEvent; groups: StakeholderGroup[]; isDrill: boolean }
  /** Read from the outbox, not stored: one message to its recipients on one channel, and how delivery goes. */
  | {
      type: 'outbound_message'
      kind: string
      channel: string
      stage: string | null
      updateId: string | null
      delivery: { total: number; sent: number; queued: number; retrying: number; failed: number; skipped: number }
      lastError: string | null
    }
  | { type: 'triage_reminder'; deadlineAt: string }
  | { type: 'triage_escalated'; to: Person | null; deadlineAt: string }
  | { type: 'update_overdue'; dueAt: string; escalatedTo: Person | null }
  /** The public postmortem went up on the status page; `isAnnounced`: subscribers were told too. */
  | { type: 'postmortem_published'; isAnnounced: boolean; isRevision: boolean }

export type TimelineEventType = TimelineEvent['type']

export const messageStages = [
  'acknowledgement',
  'scope',
  'update',
  'all_clear',
  'postmortem',
  'cadence_change',
  'internal',
] as const
export type MessageStage = (typeof messageStages)[number]

export type TimelineEntry = TimelineEvent & { at: Date; actor: ActorRef }

export function entry(event: TimelineEvent, at: Date, actor: ActorRef): TimelineEntry {
  return { ...event, at, actor }
}

/** Entries in the order they happened; ties keep their recorded order. */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => a.at.getTime() - b.at.getTime() || i - j)
    .map(([e]) => e)
}

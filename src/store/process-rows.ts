import { sql } from 'kysely'
import type { IncidentStatus } from '../domain/incident/incident-status.js'
import { incidentRoles, type CheckInRole, type IncidentRole } from '../domain/process/incident-roles.js'
import type { ProcessIncident } from '../domain/process/incident-process.js'
import type { Person } from '../domain/process/people.js'
import type { ScopeChecklist, ScopeChecklistItem } from '../domain/process/scope-checklist.js'
import type { IncidentsTable } from './schema/core.js'
import type { Selectable } from 'kysely'
import type {
  IncidentCheckInsTable,
  IncidentChecklistAnswersTable,
  IncidentCriteriaTable,
  IncidentPlaybooksTable,
  IncidentPlaybookTasksTable,
  IncidentProcessesTable,
  IncidentRolesTable,
  IncidentShadowsTable,
} from './schema/process.js'

/** A text[] parameter as one quoted array literal: both engines read it the same way. */
export function textArray(values: readonly string[]) {
  return sql<
    string[]
  >`${`{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`}::text[]`
}

export interface ProcessRows {
  incident: Selectable<IncidentsTable>
  process: Selectable<IncidentProcessesTable>
  criteria: Selectable<IncidentCriteriaTable>[]
  answers: Selectable<IncidentChecklistAnswersTable>[]
  roles: Selectable<IncidentRolesTable>[]
  checkIns: Selectable<IncidentCheckInsTable>[]
  shadows: Selectable<IncidentShadowsTable>[]
  playbook: Selectable<IncidentPlaybooksTable> | undefined
  tasks: Selectable<IncidentPlaybookTasksTable>[]
}

const person = (id: string | null, name: string | null): Person | null =>
  id === null ? null : { id, name: name ?? id }

/** Dates inside checklist answers travel as ISO strings in jsonb. */
export function answerFromJson(value: Record<string, unknown>): NonNullable<ScopeChecklist[ScopeChecklistItem]> {
  const answer = { ...value } as Record<string, unknown>
  if (typeof answer.at === 'string') answer.at = new Date(answer.at)
  return answer as unknown as NonNullable<ScopeChecklist[ScopeChecklistItem]>
}

/** The incident row holds the lifecycle; the process tables hold everything the steps add. */
export function processFromRows(rows: ProcessRows): ProcessIncident {
  const { incident: i, process: p } = rows
  const scope: ScopeChecklist = {}
  for (const a of rows.answers) scope[a.item as ScopeChecklistItem] = answerFromJson(a.answer) as never
  return {
    id: i.id,
    title: i.title,
    crisisType: i.type,
    severity: i.severity,
    status: i.status as IncidentStatus,
    isDrill: i.is_drill,
    openedAt: p.opened_at,
    declaredAt: i.declared_at,
    identifiedAt: i.identified_at,
    monitoringAt: i.monitoring_at,
    resolvedAt: i.resolved_at,
    stoodDownAt: p.stood_down_at,
    closedAt: p.closed_at,
    reopenCount: p.reopen_count,
    triage: {
      startedAt: p.triage_started_at,
      decidedAt: p.triage_decided_at,
      remindedAt: p.triage_reminded_at,
      escalatedAt: p.triage_escalated_at,
    },
    criteria: rows.criteria.map((c) => ({ criterionId: c.criterion_id, isMet: c.is_met })),
    scope,
    roles: [...rows.roles]
      .sort((a, b) => incidentRoles.indexOf(a.role as IncidentRole) - incidentRoles.indexOf(b.role as IncidentRole))
      .map((r) => ({
        role: r.role as IncidentRole,
        primary: person(r.primary_id, r.primary_name),
        backup: person(r.backup_id, r.backup_name),
        assignedAt: r.assigned_at,
      })),
    shadows: rows.shadows.map((s) => ({
      person: { id: s.person_id, name: s.person_name },
      shadowing: s.shadowing as IncidentRole | null,
      joinedAt: s.joined_at,
    })),
    checkIns: rows.checkIns.map((c) => ({
      person: { id: c.person_id, name: c.person_name },
      role: c.role as CheckInRole,
      at: c.checked_in_at,
    })),
    playbookKey: rows.playbook?.playbook_key ?? null,
    answers: rows.playbook?.answers ?? {},
    tasksDone: rows.tasks.map((t) => t.task_id),
    acknowledgedAt: p.acknowledged_at,
    scopePublishedAt: p.scope_published_at,
    lastPublicUpdateAt: p.last_public_update_at,
    cadenceMinutes: p.cadence_minutes,
    isCadenceOverridden: p.is_cadence_overridden,
    cadenceRemindedForDueAt: p.cadence_reminded_for,
    cadenceEscalatedForDueAt: p.cadence_escalated_for,
    channelsUsed: p.channels_used,
    freezeSince: p.freeze_since,
  }
}

export function processRowValues(orgId: string, next: ProcessIncident, nextTimerAt: Date | null, now: Date) {
  return {
    incident_id: next.id,
    org_id: orgId,
    opened_at: next.openedAt,
    stood_down_at: next.stoodDownAt,
    closed_at: next.closedAt,
    reopen_count: next.reopenCount,
    triage_started_at: next.triage.startedAt,
    triage_decided_at: next.triage.decidedAt,
    triage_reminded_at: next.triage.remindedAt,
    triage_escalated_at: next.triage.escalatedAt,
    acknowledged_at: next.acknowledgedAt,
    scope_published_at: next.scopePublishedAt,
    last_public_update_at: next.lastPublicUpdateAt,
    cadence_minutes: next.cadenceMinutes,
    is_cadence_overridden: next.isCadenceOverridden,
    cadence_reminded_for: next.cadenceRemindedForDueAt,
    cadence_escalated_for: next.cadenceEscalatedForDueAt,
    channels_used: textArray(next.channelsUsed),
    freeze_since: next.freezeSince,
    next_timer_at: nextTimerAt,
    updated_at: now,
  }
}

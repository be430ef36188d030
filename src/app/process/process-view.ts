import { cadenceStatus, nextUpdateDueAt } from '../../domain/cadence/cadence.js'
import { activePublicStatuses } from '../../domain/incident/incident-status.js'
import { severityLabel } from '../../domain/incident/severity.js'
import { crisisTypeByKey, reviewCriteria } from '../../domain/process/crisis-types.js'
import { hasCheckedIn, incidentRoleNames } from '../../domain/process/incident-roles.js'
import type { ProcessIncident } from '../../domain/process/incident-process.js'
import { nextTimerDueAt } from '../../domain/process/next-due.js'
import { checklistFor, walkPlaybook } from '../../domain/process/playbook.js'
import type { ProcessPolicy } from '../../domain/process/process-policy.js'
import { missingScopeItems } from '../../domain/process/scope-checklist.js'
import { triageDeadline, wasDecidedInTime } from '../../domain/process/triage-timebox.js'

/** The process as the API shows it: every step's state, what is missing and what is due. */
export function processView(i: ProcessIncident, policy: ProcessPolicy) {
  const type = crisisTypeByKey(policy.crisisTypes, i.crisisType)
  const review = type ? reviewCriteria(type, i.criteria) : null
  const playbook = policy.playbooks.find((p) => p.key === i.playbookKey)
  const walk = playbook ? walkPlaybook(playbook, i.answers) : null
  const missing = missingScopeItems(i.scope)
  const isActive = (activePublicStatuses as readonly string[]).includes(i.status)
  const clock = i.lastPublicUpdateAt
    ? {
        lastPublicUpdateAt: i.lastPublicUpdateAt,
        cadenceMinutes: i.cadenceMinutes,
        remindedForDueAt: i.cadenceRemindedForDueAt,
        escalatedForDueAt: i.cadenceEscalatedForDueAt,
      }
    : null
  return {
    incident_id: i.id,
    title: i.title,
    crisis_type: { key: i.crisisType, name: type?.name ?? i.crisisType },
    severity: { level: i.severity, name: severityLabel(policy.severityScale, i.severity) },
    status: i.status,
    is_drill: i.isDrill,
    opened_at: i.openedAt,
    declared_at: i.declaredAt,
    identified_at: i.identifiedAt,
    monitoring_at: i.monitoringAt,
    resolved_at: i.resolvedAt,
    stood_down_at: i.stoodDownAt,
    closed_at: i.closedAt,
    reopen_count: i.reopenCount,
    triage: {
      started_at: i.triage.startedAt,
      deadline_at: triageDeadline(i.triage, policy.triage),
      decided_at: i.triage.decidedAt,
      decided_in_time: wasDecidedInTime(i.triage, policy.triage),
      reminded_at: i.triage.remindedAt,
      escalated_at: i.triage.escalatedAt,
    },
    criteria: {
      items: (type?.criteria ?? []).map((c) => ({
        id: c.id,
        text: c.text,
        is_met: i.criteria.find((x) => x.criterionId === c.id)?.isMet ?? null,
      })),
      is_satisfied: review?.isSatisfied ?? true,
    },
    checklist: { answers: i.scope, missing, is_complete: missing.length === 0 },
    roles: i.roles.map((r) => ({
      role: r.role,
      name: incidentRoleNames[r.role],
      primary: r.primary,
      backup: r.backup,
      assigned_at: r.assignedAt,
      has_checked_in: r.primary !== null && hasCheckedIn(i.checkIns, r.primary, r.role),
    })),
    shadows: i.shadows.map((s) => ({ person: s.person, shadowing: s.shadowing, joined_at: s.joinedAt })),
    check_ins: i.checkIns.map((c) => ({ person: c.person, role: c.role, at: c.at })),
    playbook: playbook
      ? {
          key: playbook.key,
          name: playbook.name,
          answers: i.answers,
          pending_question: walk?.pendingQuestion ?? null,
          path: walk?.path.map((s) => ({ id: s.id, title: s.title, stage: s.stage })) ?? [],
          tasks: checklistFor(playbook, i.answers).map((t) => ({
            id: t.id,
            role: t.role,
            text: t.text,
            step_id: t.stepId,
            stage: t.stage,
            is_done: i.tasksDone.includes(t.id),
          })),
        }
      : null,
    cadence: {
      minutes: i.cadenceMinutes,
      is_overridden: i.isCadenceOverridden,
      last_public_update_at: i.lastPublicUpdateAt,
      next_update_due_at: clock && isActive ? nextUpdateDueAt(clock.lastPublicUpdateAt, clock.cadenceMinutes) : null,
    },
    acknowledged_at: i.acknowledgedAt,
    scope_published_at: i.scopePublishedAt,
    channels_used: i.channelsUsed,
    freeze_since: i.freezeSince,
    next_timer_at: nextTimerDueAt(i, policy),
  }
}
export type ProcessView = ReturnType<typeof processView>

export function cadenceStatusAt(i: ProcessIncident, policy: ProcessPolicy, now: Date) {
  if (!i.lastPublicUpdateAt || !(activePublicStatuses as readonly string[]).includes(i.status)) return null
  return cadenceStatus(
    {
      lastPublicUpdateAt: i.lastPublicUpdateAt,
      cadenceMinutes: i.cadenceMinutes,
      remindedForDueAt: i.cadenceRemindedForDueAt,
      escalatedForDueAt: i.cadenceEscalatedForDueAt,
    },
    policy.cadence,
    now,
  )
}

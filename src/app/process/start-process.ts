import { AppError } from '../../domain/app-error.js'
import type { IncidentStatus } from '../../domain/incident/incident-status.js'
import { criteriaQuestionId } from '../../domain/process/handle-triage.js'
import { qualifiesForFreeze } from '../../domain/process/marketing-freeze.js'
import { type AttachedAlert, type OpenIncidentInput, openIncident } from '../../domain/process/open-incident.js'
import type { ProcessPolicy } from '../../domain/process/process-policy.js'
import { entry } from '../../domain/process/timeline.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import type { AppContext, AppDeps } from '../context.js'
import { type CommittedChange, commitChange } from './run-process-command.js'

type IncidentRow = NonNullable<Awaited<ReturnType<OrgStore['incidents']['get']>>>

export interface ProcessBirth {
  source: 'alert' | 'manual'
  alerts?: readonly AttachedAlert[]
  roles?: OpenIncidentInput['roles']
  notes?: readonly string[]
}

/** The domain's field names as the incidents API spells them. */
const apiPath: Record<string, string> = { crisisType: 'type' }

/**
 * Every incident is born with its whole process, in the transaction that created its row:
 * timeline (the alerts that opened it first), triage timers, roles, playbook, cadence.
 * An incident opened straight to customers (the incidents API) starts with triage decided.
 */
export async function startProcess(
  deps: AppDeps,
  ctx: AppContext,
  tx: OrgStore,
  raw: Executor,
  policy: ProcessPolicy,
  row: IncidentRow,
  birth: ProcessBirth,
  paths: Record<string, string> = apiPath,
): Promise<CommittedChange> {
  const opened = openIncident(
    {
      id: row.id,
      title: row.title,
      crisisType: row.type,
      severity: row.severity,
      isDrill: row.is_drill,
      source: birth.source,
      playbookKey: row.playbook_key,
      ...(birth.alerts ? { alerts: birth.alerts } : {}),
      ...(birth.roles ? { roles: birth.roles } : {}),
      ...(birth.notes ? { notes: birth.notes } : {}),
    },
    { now: ctx.now, actor: ctx.actor, policy },
  )
  if (!opened.ok) {
    const { code, message, details } = opened.rejection
    throw new AppError(
      code,
      message,
      details.map((d) => (d.path ? { ...d, path: paths[d.path] ?? d.path } : d)),
    )
  }
  const status = row.status as IncidentStatus
  if (status === 'triage') return commitChange(deps, ctx, tx, raw, policy, { stored: null, status: 'triage' }, opened)
  const decidedAt = row.declared_at ?? ctx.now
  const incident = {
    ...opened.incident,
    status,
    declaredAt: row.declared_at,
    identifiedAt: row.identified_at,
    monitoringAt: row.monitoring_at,
    resolvedAt: row.resolved_at,
    triage: { ...opened.incident.triage, decidedAt },
    answers: { ...opened.incident.answers, [criteriaQuestionId]: true },
  }
  if (qualifiesForFreeze(policy.freeze, incident)) incident.freezeSince = decidedAt
  const moved = entry(
    { type: 'status_change', from: 'triage', to: status, isReopening: false, reason: 'opened as a public incident' },
    ctx.now,
    ctx.actor,
  )
  return commitChange(
    deps,
    ctx,
    tx,
    raw,
    policy,
    { stored: null, status: 'triage' },
    { ...opened, incident, entries: [...opened.entries, moved] },
  )
}

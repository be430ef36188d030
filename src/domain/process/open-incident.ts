import { cadenceForSeverity } from '../cadence/cadence.js'
import { severityByLevel } from '../incident/severity.js'
import { crisisTypeByKey } from './crisis-types.js'
import { assignRole, type IncidentRole } from './incident-roles.js'
import type { ProcessIncident } from './incident-process.js'
import { qualifiesForFreeze } from './marketing-freeze.js'
import type { Person } from './people.js'
import { playbookFor } from './playbook.js'
import type { ApplyResult, CommandContext } from './process-commands.js'
import { reject } from './process-commands.js'
import { Change } from './process-change.js'

export interface AttachedAlert {
  alertId: string
  summary: string
  source?: string
}

export interface OpenIncidentInput {
  id: string
  title: string
  crisisType: string
  severity: number
  isDrill: boolean
  source: 'alert' | 'manual'
  alert?: AttachedAlert
  /** The alerts that opened it (a rule may open on several): one timeline entry each. */
  alerts?: readonly AttachedAlert[]
  /** A playbook chosen by whoever opened it (a routing rule); unknown keys fall back to the crisis type's. */
  playbookKey?: string | null
  /** What was decided for the incident as it opened (e.g. the status page chosen), said on its timeline. */
  notes?: readonly string[]
  roles?: { role: IncidentRole; person: Person; backup?: Person | null }[]
}

/** Step 1 of the process: someone (or a monitor) raises the alarm; the incident starts in triage. */
export function openIncident(input: OpenIncidentInput, ctx: CommandContext): ApplyResult {
  const { policy, now } = ctx
  if (input.title.trim() === '')
    return reject('VALIDATION', 'An incident needs a title', [{ path: 'title', message: 'must not be empty' }])
  if (crisisTypeByKey(policy.crisisTypes, input.crisisType) === undefined) {
    return reject('VALIDATION', `Unknown crisis type ${input.crisisType}`, [
      { path: 'crisisType', message: `one of: ${policy.crisisTypes.map((t) => t.key).join(', ')}` },
    ])
  }
  if (severityByLevel(policy.severityScale, input.severity) === undefined) {
    return reject('VALIDATION', `There is no severity level ${input.severity}`, [
      { path: 'severity', message: `one of: ${policy.severityScale.map((s) => s.level).join(', ')}` },
    ])
  }
  const incident: ProcessIncident = {
    ...blankProcessState(
      input.id,
      now,
      policy.severityScale.length ? cadenceForSeverity(policy.severityScale, input.severity) : 60,
    ),
    title: input.title.trim(),
    crisisType: input.crisisType,
    severity: input.severity,
    isDrill: input.isDrill,
    playbookKey: policy.playbooks.some((p) => p.key === input.playbookKey)
      ? (input.playbookKey ?? null)
      : (playbookFor(policy.playbooks, input.crisisType)?.key ?? null),
  }
  const change = new Change(incident, ctx)
  change.record({
    type: 'incident_opened',
    title: incident.title,
    crisisType: incident.crisisType,
    severity: incident.severity,
    isDrill: incident.isDrill,
    source: input.source,
  })
  for (const alert of [...(input.alert ? [input.alert] : []), ...(input.alerts ?? [])])
    change.record({ type: 'alert_attached', ...alert })
  for (const text of input.notes ?? []) change.record({ type: 'note', text })
  for (const r of input.roles ?? []) {
    const { assignments, change: roleChange } = assignRole(
      change.incident.roles,
      r.role,
      r.person,
      r.backup ?? null,
      now,
    )
    change.update({ roles: assignments }).record({ type: 'role_change', ...roleChange })
  }
  if (qualifiesForFreeze(policy.freeze, incident)) change.update({ freezeSince: now })
  return change.done()
}

/** A process record with nothing decided yet; also the starting point for incidents created elsewhere. */
export function blankProcessState(id: string, now: Date, cadenceMinutes: number): ProcessIncident {
  return {
    id,
    title: '',
    crisisType: 'service_outage',
    severity: 3,
    status: 'triage',
    isDrill: false,
    openedAt: now,
    declaredAt: null,
    identifiedAt: null,
    monitoringAt: null,
    resolvedAt: null,
    stoodDownAt: null,
    closedAt: null,
    reopenCount: 0,
    triage: { startedAt: now, decidedAt: null, remindedAt: null, escalatedAt: null },
    criteria: [],
    scope: {},
    roles: [],
    shadows: [],
    checkIns: [],
    playbookKey: null,
    answers: {},
    tasksDone: [],
    acknowledgedAt: null,
    scopePublishedAt: null,
    lastPublicUpdateAt: null,
    cadenceMinutes,
    isCadenceOverridden: false,
    cadenceRemindedForDueAt: null,
    cadenceEscalatedForDueAt: null,
    channelsUsed: [],
    freezeSince: null,
  }
}

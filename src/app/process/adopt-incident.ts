import { cadenceForSeverity } from '../../domain/cadence/cadence.js'
import { isPublic, type IncidentStatus } from '../../domain/incident/incident-status.js'
import type { ProcessIncident } from '../../domain/process/incident-process.js'
import { qualifiesForFreeze } from '../../domain/process/marketing-freeze.js'
import { blankProcessState } from '../../domain/process/open-incident.js'
import { playbookFor } from '../../domain/process/playbook.js'
import type { ProcessPolicy } from '../../domain/process/process-policy.js'
import type { OrgStore } from '../../store/store.js'

type IncidentRow = NonNullable<Awaited<ReturnType<OrgStore['incidents']['get']>>>

/**
 * An incident opened elsewhere (the incidents API, an import) joins the process the first time
 * the process touches it: what it already published counts as acknowledged.
 */
export async function adoptIncident(
  tx: OrgStore,
  row: IncidentRow,
  policy: ProcessPolicy,
  status: IncidentStatus = row.status as IncidentStatus,
): Promise<ProcessIncident> {
  const updates = await tx.incidents.listUpdates([row.id])
  const times = updates.map((u) => u.display_at.getTime())
  const publicTimes =
    isPublic(status) && times.length > 0
      ? { first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) }
      : null
  const decided = status === 'triage' ? null : (row.declared_at ?? row.created_at)
  const base = blankProcessState(row.id, row.created_at, cadenceForSeverity(policy.severityScale, row.severity))
  const incident: ProcessIncident = {
    ...base,
    title: row.title,
    crisisType: row.type,
    severity: row.severity,
    status,
    isDrill: row.is_drill,
    declaredAt: row.declared_at,
    identifiedAt: row.identified_at,
    monitoringAt: row.monitoring_at,
    resolvedAt: row.resolved_at,
    stoodDownAt: status === 'stood_down' ? row.updated_at : null,
    closedAt: status === 'closed' ? row.updated_at : null,
    triage: { ...base.triage, decidedAt: decided },
    // A routing rule may have chosen the playbook; otherwise the crisis type's own.
    playbookKey: policy.playbooks.some((p) => p.key === row.playbook_key)
      ? row.playbook_key
      : (playbookFor(policy.playbooks, row.type)?.key ?? null),
    acknowledgedAt: publicTimes?.first ?? null,
    lastPublicUpdateAt: publicTimes?.last ?? null,
    channelsUsed: publicTimes ? ['status_page'] : [],
  }
  return {
    ...incident,
    freezeSince: qualifiesForFreeze(policy.freeze, incident) ? (row.declared_at ?? row.created_at) : null,
  }
}

import { isComponentStatus } from '../../domain/component/component-status.js'
import {
  emptyPlan,
  externalKey,
  importedIncidentStatuses,
  type ImportedIncidentStatus,
  type ImportedMaintenanceStatus,
  type ImportPlan,
  type PlannedUpdate,
} from '../../domain/import/import-plan.js'
import { impacts, type Impact } from '../../domain/incident/impact.js'
import { instant, optionalInstant } from '../source-input.js'
import type { StatuspageExport, StatuspageIncident } from './statuspage-export.js'

const key = (kind: string, id: string) => externalKey('statuspage', kind, id)
const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const

function incidentStatus(status: string): ImportedIncidentStatus | null {
  if (status === 'postmortem') return 'postmortem_published'
  return (importedIncidentStatuses as readonly string[]).includes(status) ? (status as ImportedIncidentStatus) : null
}

const idsOf = (list: (string | { id: string })[] | null | undefined) =>
  (list ?? []).map((c) => (typeof c === 'string' ? c : c.id))

function updatesOf(incident: StatuspageIncident, kind: string): PlannedUpdate[] {
  return [...incident.incident_updates]
    .map((u) => ({
      key: key(kind, u.id),
      status: u.status,
      body: u.body ?? '',
      at: instant(u.display_at ?? u.created_at),
      componentChanges: (u.affected_components ?? []).map((c) => ({
        componentKey: key('component', c.code),
        name: c.name ?? '',
        oldStatus: c.old_status ?? 'operational',
        newStatus: c.new_status ?? 'operational',
      })),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** When the incident first reached a status, from its updates (Statuspage keeps no identified_at). */
function firstAt(updates: PlannedUpdate[], status: string): Date | null {
  return updates.find((u) => u.status === status)?.at ?? null
}

function isMaintenance(i: StatuspageIncident): boolean {
  return Boolean(i.scheduled_for) || (maintenanceStatuses as readonly string[]).includes(i.status)
}

/**
 * A Statuspage page: groups (components with `group: true`), components, incidents with every
 * update and its time, scheduled maintenances, and email and webhook subscribers with the
 * components they chose. SMS, Slack and Teams subscriptions have no Candor channel here.
 */
export function mapStatuspage(data: StatuspageExport): ImportPlan {
  const plan = emptyPlan('statuspage')
  const pageKey = key('page', data.page.id)
  plan.pages.push({
    key: pageKey,
    name: data.page.name,
    slug: data.page.subdomain || data.page.name,
    ...(data.page.time_zone ? { timeZone: data.page.time_zone } : {}),
  })
  const domain = typeof data.page.domain === 'string' ? data.page.domain : null
  if (domain)
    plan.approximations.push({
      item: `page "${data.page.name}"`,
      reason: `its custom domain ${domain} is not set here; add it to the page once the DNS points to Candor`,
    })
  const groupIds = new Set(data.components.filter((c) => c.group).map((c) => c.id))
  for (const c of data.components) {
    const base = { pageKey, name: c.name, description: c.description ?? null, position: c.position ?? 0 }
    if (c.group) {
      plan.groups.push({ key: key('group', c.id), ...base })
      continue
    }
    const status = c.status && isComponentStatus(c.status) ? c.status : 'operational'
    if (c.status && status !== c.status)
      plan.approximations.push({
        item: `component "${c.name}"`,
        reason: `unknown status "${c.status}" read as operational`,
      })
    plan.components.push({
      key: key('component', c.id),
      ...base,
      groupKey: c.group_id && groupIds.has(c.group_id) ? key('group', c.group_id) : null,
      status,
      ...(c.showcase != null ? { showcase: c.showcase } : {}),
      ...(c.only_show_if_degraded != null ? { onlyShowIfDegraded: c.only_show_if_degraded } : {}),
      ...(c.start_date ? { startDate: c.start_date } : {}),
    })
  }
  const seen = new Set<string>()
  for (const i of [...data.incidents, ...data.scheduled_maintenances]) {
    if (seen.has(i.id)) continue
    seen.add(i.id)
    const updates = updatesOf(i, isMaintenance(i) ? 'maintenance_update' : 'incident_update')
    const componentKeys = idsOf(i.components).map((id) => key('component', id))
    if (isMaintenance(i)) {
      const status = (maintenanceStatuses as readonly string[]).includes(i.status)
        ? (i.status as ImportedMaintenanceStatus)
        : 'completed'
      plan.maintenances.push({
        key: key('maintenance', i.id),
        pageKey,
        title: i.name,
        body: updates[0]?.body ?? '',
        status,
        scheduledFor: instant(i.scheduled_for ?? i.created_at),
        scheduledUntil: instant(i.scheduled_until ?? i.resolved_at ?? i.scheduled_for),
        startedAt: firstAt(updates, 'in_progress'),
        completedAt: status === 'completed' ? (optionalInstant(i.resolved_at) ?? firstAt(updates, 'completed')) : null,
        componentKeys,
        updates,
      })
      continue
    }
    const status = incidentStatus(i.status)
    if (!status) {
      plan.skipped.push({ item: `incident "${i.name}"`, reason: `unknown status "${i.status}"` })
      continue
    }
    if (i.postmortem_body && !updates.some((u) => u.status === 'postmortem'))
      updates.push({
        key: key('postmortem', i.id),
        status: 'postmortem',
        body: i.postmortem_body,
        at: instant(i.postmortem_published_at ?? i.resolved_at ?? i.created_at),
      })
    const impact: Impact = (impacts as readonly string[]).includes(i.impact ?? '') ? (i.impact as Impact) : 'none'
    const resolvedAt = optionalInstant(i.resolved_at) ?? firstAt(updates, 'resolved')
    plan.incidents.push({
      key: key('incident', i.id),
      pageKey,
      title: i.name,
      status,
      impact,
      startedAt: instant(i.started_at ?? i.created_at),
      identifiedAt: firstAt(updates, 'identified'),
      monitoringAt: optionalInstant(i.monitoring_at) ?? firstAt(updates, 'monitoring'),
      resolvedAt: status === 'resolved' || status === 'postmortem_published' ? resolvedAt : null,
      componentKeys,
      updates,
    })
  }
  for (const s of data.subscribers) {
    const item = `subscriber ${s.email ?? s.endpoint ?? s.id}`
    if (s.state === 'quarantined' || s.quarantined_at) {
      plan.skipped.push({ item, reason: 'quarantined in Statuspage (its mail bounced)' })
      continue
    }
    const channel = s.mode === 'email' ? 'email' : s.mode === 'webhook' ? 'webhook' : null
    const address = channel === 'email' ? s.email : s.endpoint
    if (!channel || !address) {
      plan.skipped.push({ item, reason: `${s.mode} subscriptions have no Candor channel (email and webhook do)` })
      continue
    }
    plan.subscribers.push({
      key: key('subscriber', s.id),
      pageKey,
      channel,
      address,
      isConfirmed: s.state !== 'unconfirmed',
      componentKeys: idsOf(s.components).map((id) => key('component', id)),
    })
  }
  return plan
}

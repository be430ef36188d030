import { DateTime } from 'luxon'
import type { ComponentStatus } from '../../domain/component/component-status.js'
import {
  emptyPlan,
  externalKey,
  type ImportedIncidentStatus,
  type ImportedMaintenanceStatus,
  type ImportPlan,
} from '../../domain/import/import-plan.js'
import { isTimeZone } from '../../domain/oncall/schedule-validation.js'
import type { CachetExport } from './cachet-export.js'

const componentStatus: Record<number, ComponentStatus> = {
  1: 'operational',
  2: 'degraded_performance',
  3: 'partial_outage',
  4: 'major_outage',
}
/** 0 was "scheduled" (maintenance) before Cachet 2.4 had schedules. */
const incidentStatus: Record<number, ImportedIncidentStatus> = {
  1: 'investigating',
  2: 'identified',
  3: 'monitoring',
  4: 'resolved',
}
const scheduleStatus: Record<number, ImportedMaintenanceStatus> = { 0: 'scheduled', 1: 'in_progress', 2: 'completed' }

/**
 * A Cachet status page: groups, components, incidents with their updates, schedules
 * (maintenance) and subscribers (verified ones stay confirmed). Cachet writes times without a
 * zone ("2026-11-02 08:00:00", in the app's time zone); ISO times are read as they are.
 */
export function mapCachet(data: CachetExport): ImportPlan {
  const plan = emptyPlan('cachet')
  const key = (kind: string, id: string | number) => externalKey('cachet', kind, `${data.page.id}:${id}`)
  const zone = data.page.time_zone && isTimeZone(data.page.time_zone) ? data.page.time_zone : 'UTC'
  const at = (text: string | null | undefined) => {
    if (!text) return new Date(Number.NaN)
    const sql = DateTime.fromSQL(text, { zone })
    return (sql.isValid ? sql : DateTime.fromISO(text, { zone })).toJSDate()
  }
  const pageKey = key('page', 'page')
  plan.pages.push({ key: pageKey, name: data.page.name, slug: data.page.name, timeZone: zone })
  for (const g of data.component_groups)
    plan.groups.push({ key: key('group', g.id), pageKey, name: g.name, description: null, position: g.order ?? 0 })
  const groupIds = new Set(data.component_groups.map((g) => g.id))
  for (const c of data.components) {
    if (c.enabled === false) {
      plan.skipped.push({ item: `component "${c.name}"`, reason: 'disabled in Cachet' })
      continue
    }
    plan.components.push({
      key: key('component', c.id),
      pageKey,
      groupKey: c.group_id && groupIds.has(c.group_id) ? key('group', c.group_id) : null,
      name: c.name,
      description: c.description || null,
      status: componentStatus[c.status] ?? 'operational',
      position: c.order ?? 0,
    })
  }
  for (const i of data.incidents) {
    const item = `incident "${i.name}"`
    if (i.visible === false) {
      plan.skipped.push({ item, reason: 'hidden from the page in Cachet' })
      continue
    }
    const componentKeys = i.component_id ? [key('component', i.component_id)] : []
    const startedAt = at(i.occurred_at ?? i.created_at)
    const updates = [...i.updates]
      .sort((a, b) => at(a.created_at).getTime() - at(b.created_at).getTime())
      .map((u) => ({
        key: key('incident_update', u.id),
        status: incidentStatus[u.status] ?? 'investigating',
        body: u.message ?? '',
        at: at(u.created_at),
      }))
    if (i.status === 0) {
      const from = at(i.scheduled_at ?? i.created_at)
      plan.approximations.push({ item, reason: 'a scheduled incident without an end; shown as one hour long' })
      plan.maintenances.push({
        key: key('maintenance', `incident-${i.id}`),
        pageKey,
        title: i.name,
        body: i.message ?? '',
        status: 'scheduled',
        scheduledFor: from,
        scheduledUntil: new Date(from.getTime() + 3_600_000),
        startedAt: null,
        completedAt: null,
        componentKeys,
        updates: [],
      })
      continue
    }
    const status = incidentStatus[i.status] ?? 'investigating'
    const first = {
      key: key('incident_message', i.id),
      status: updates.length ? 'investigating' : status,
      body: i.message ?? '',
      at: startedAt,
    }
    const all = [first, ...updates]
    const firstAt = (s: string) => all.find((u) => u.status === s)?.at ?? null
    plan.incidents.push({
      key: key('incident', i.id),
      pageKey,
      title: i.name,
      status,
      impact: 'none',
      startedAt,
      identifiedAt: firstAt('identified'),
      monitoringAt: firstAt('monitoring'),
      resolvedAt: status === 'resolved' ? (firstAt('resolved') ?? at(i.updated_at ?? i.created_at)) : null,
      componentKeys,
      updates: all,
    })
  }
  for (const s of data.schedules) {
    const status = scheduleStatus[s.status] ?? 'scheduled'
    const from = at(s.scheduled_at)
    const until = s.completed_at ? at(s.completed_at) : new Date(from.getTime() + 3_600_000)
    if (!s.completed_at)
      plan.approximations.push({ item: `schedule "${s.name}"`, reason: 'no end time; shown as one hour long' })
    plan.maintenances.push({
      key: key('maintenance', s.id),
      pageKey,
      title: s.name,
      body: s.message ?? '',
      status,
      scheduledFor: from,
      scheduledUntil: until,
      startedAt: status === 'scheduled' ? null : from,
      completedAt: status === 'completed' ? until : null,
      componentKeys: s.components.map((c) => key('component', typeof c === 'number' ? c : c.id)),
      updates: [],
    })
  }
  for (const s of data.subscribers) {
    plan.subscribers.push({
      key: key('subscriber', s.id),
      pageKey,
      channel: 'email',
      address: s.email,
      isConfirmed: Boolean(s.verified_at),
      componentKeys: s.global
        ? []
        : s.subscriptions.map((c) => key('component', typeof c === 'number' ? c : c.component_id)),
    })
  }
  return plan
}

import type { ComponentStatus } from '../../domain/component/component-status.js'
import { emptyPlan, externalKey, type ImportPlan } from '../../domain/import/import-plan.js'
import { isTimeZone } from '../../domain/oncall/schedule-validation.js'
import { DateTime } from 'luxon'
import type { KumaData } from './read-kuma-db.js'

const key = (kind: string, ...ids: (string | number)[]) => externalKey('uptime-kuma', kind, ids.join(':'))

/** Heartbeat status: 0 down, 1 up, 2 pending, 3 maintenance. */
const beatStatus: Record<number, ComponentStatus> = {
  0: 'major_outage',
  1: 'operational',
  2: 'degraded_performance',
  3: 'under_maintenance',
}
const styleImpact: Record<string, 'none' | 'minor' | 'major'> = { danger: 'major', warning: 'minor' }

/** Kuma keeps times as "YYYY-MM-DD HH:MM:SS" in UTC (maintenance windows in their own zone). */
function kumaTime(text: string | null | undefined, zone = 'UTC'): Date {
  if (!text) return new Date(Number.NaN)
  return DateTime.fromSQL(text, { zone }).toJSDate()
}

/**
 * Uptime Kuma status pages: each page with its groups, each monitor shown on it as a component
 * (its status from the last heartbeat), its incidents (a pinned one is open) and its one-off
 * maintenance windows. Recurring and manual windows have no fixed time to import.
 */
export function mapUptimeKuma(data: KumaData, now: Date): ImportPlan {
  const plan = emptyPlan('uptime-kuma')
  const monitors = new Map(data.monitors.map((m) => [m.id, m]))
  const lastBeat = new Map(data.lastBeats.map((b) => [b.monitor_id, b.status]))
  const groupPage = new Map(data.groups.map((g) => [g.id, g.status_page_id ?? null]))
  for (const p of data.statusPages) {
    plan.pages.push({ key: key('page', p.id), name: p.title, slug: p.slug })
    if (!p.published)
      plan.approximations.push({ item: `page "${p.title}"`, reason: 'unpublished in Uptime Kuma; public here' })
  }
  for (const g of data.groups) {
    if (g.status_page_id == null) continue
    plan.groups.push({
      key: key('group', g.id),
      pageKey: key('page', g.status_page_id),
      name: g.name,
      description: null,
      position: g.weight ?? 0,
    })
  }
  for (const mg of data.monitorGroups) {
    const pageId = groupPage.get(mg.group_id)
    const monitor = monitors.get(mg.monitor_id)
    if (pageId == null || !monitor) continue
    const beat = lastBeat.get(monitor.id)
    plan.components.push({
      key: key('component', pageId, monitor.id),
      pageKey: key('page', pageId),
      groupKey: key('group', mg.group_id),
      name: monitor.name ?? `Monitor ${monitor.id}`,
      description: monitor.description ?? null,
      status: (beat !== undefined && beatStatus[beat]) || 'operational',
      position: mg.weight ?? 0,
    })
  }
  for (const i of data.incidents) {
    if (i.status_page_id == null) {
      plan.skipped.push({ item: `incident "${i.title}"`, reason: 'it belongs to no status page' })
      continue
    }
    const startedAt = kumaTime(i.created_date)
    plan.incidents.push({
      key: key('incident', i.id),
      pageKey: key('page', i.status_page_id),
      title: i.title,
      status: i.pin ? 'investigating' : 'resolved',
      impact: styleImpact[i.style ?? ''] ?? 'none',
      startedAt,
      identifiedAt: null,
      monitoringAt: null,
      resolvedAt: i.pin ? null : kumaTime(i.last_updated_date ?? i.created_date),
      componentKeys: [],
      updates: [{ key: key('incident_update', i.id), status: 'investigating', body: i.content ?? '', at: startedAt }],
    })
  }
  const monitorsOf = (maintenanceId: number) =>
    data.maintenanceMonitors.filter((m) => m.maintenance_id === maintenanceId).map((m) => m.monitor_id)
  for (const m of data.maintenances) {
    const pages = data.maintenancePages.filter((p) => p.maintenance_id === m.id).map((p) => p.status_page_id)
    const item = `maintenance "${m.title}"`
    if (m.strategy !== 'single') {
      plan.skipped.push({ item, reason: `a "${m.strategy}" window has no fixed time (one-off windows are imported)` })
      continue
    }
    if (pages.length === 0) {
      plan.skipped.push({ item, reason: 'it is shown on no status page' })
      continue
    }
    const zone = m.timezone && isTimeZone(m.timezone) ? m.timezone : 'UTC'
    if (zone !== m.timezone)
      plan.approximations.push({ item, reason: `its times were read as UTC (zone "${m.timezone ?? 'server'}")` })
    const from = kumaTime(m.start_date, zone)
    const until = kumaTime(m.end_date, zone)
    const status = until <= now ? 'completed' : from <= now ? 'in_progress' : 'scheduled'
    for (const pageId of pages) {
      plan.maintenances.push({
        key: key('maintenance', pageId, m.id),
        pageKey: key('page', pageId),
        title: m.title,
        body: m.description ?? '',
        status: m.active || status === 'completed' ? status : 'completed',
        scheduledFor: from,
        scheduledUntil: until,
        startedAt: status === 'scheduled' ? null : from,
        completedAt: status === 'completed' ? until : null,
        componentKeys: monitorsOf(m.id).map((monitorId) => key('component', pageId, monitorId)),
        updates: [],
      })
    }
  }
  return plan
}

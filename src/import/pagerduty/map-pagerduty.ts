import {
  emptyPlan,
  externalKey,
  type ImportPlan,
  type PlannedLayer,
  type PlannedTarget,
} from '../../domain/import/import-plan.js'
import type { Restriction } from '../../domain/oncall/schedule-types.js'
import { dailyWindow, layersOf, weeklyWindow } from '../oncall-layers.js'
import { instant, optionalInstant } from '../source-input.js'
import { layersInPrecedence } from './layer-order.js'
import type { PagerdutyExport, PagerdutySchedule } from './pagerduty-export.js'

const key = (kind: string, id: string) => externalKey('pagerduty', kind, id)
const DAY_S = 86_400

function minutesOfDay(text: string): number {
  const [h = 0, m = 0, s = 0] = text.split(':').map(Number)
  return h * 60 + m + s / 60
}

/** A turn length in Candor's units: whole days (local handoff time kept across DST) or whole hours. */
function shiftOf(seconds: number): { unit: 'hours' | 'days' | 'weeks'; length: number } | null {
  if (seconds % (7 * DAY_S) === 0) return { unit: 'weeks', length: seconds / (7 * DAY_S) }
  if (seconds % DAY_S === 0) return { unit: 'days', length: seconds / DAY_S }
  if (seconds % 3600 === 0) return { unit: 'hours', length: seconds / 3600 }
  return null
}

function mapSchedule(plan: ImportPlan, s: PagerdutySchedule, userKeys: Set<string>) {
  const name = `schedule "${s.name}"`
  const perLayer: PlannedLayer[][] = []
  for (const layer of s.schedule_layers) {
    const shift = shiftOf(layer.rotation_turn_length_seconds)
    if (!shift) {
      plan.skipped.push({
        item: `${name}, layer "${layer.name}"`,
        reason: `a turn of ${layer.rotation_turn_length_seconds} s is not a whole number of hours`,
      })
      continue
    }
    const restrictions: Restriction[] = layer.restrictions.map((r) => {
      const start = minutesOfDay(r.start_time_of_day)
      const minutes = r.duration_seconds / 60
      return r.type === 'daily_restriction'
        ? dailyWindow(start, Math.min(minutes, 1440))
        : weeklyWindow(r.start_day_of_week ?? 1, start, Math.min(minutes, 7 * 1440))
    })
    if (layer.restrictions.some((r) => r.duration_seconds % 60 !== 0 || r.start_time_of_day.slice(6, 8) > '00'))
      plan.approximations.push({ item: `${name}, layer "${layer.name}"`, reason: 'restrictions rounded to the minute' })
    const participantKeys = layer.users.map((u) => key('user', u.user.id))
    const missing = participantKeys.filter((k) => !userKeys.has(k)).length
    if (missing)
      plan.approximations.push({
        item: `${name}, layer "${layer.name}"`,
        reason: `${missing} participant(s) are not among the users read`,
      })
    perLayer.push(
      layersOf({
        name: layer.name,
        participantKeys,
        shiftUnit: shift.unit,
        shiftLength: shift.length,
        anchorAt: instant(layer.rotation_virtual_start),
        startAt: instant(layer.start),
        endAt: optionalInstant(layer.end),
        timeZone: s.time_zone,
        restrictions,
      }),
    )
  }
  // Candor's later layers win: GET's highest-first order is read backwards, unless the rendered
  // final schedule says otherwise.
  const rendered = (s.final_schedule?.rendered_schedule_entries ?? []).map((e) => ({
    start: instant(e.start),
    end: instant(e.end),
    personKey: e.user ? key('user', e.user.id) : null,
  }))
  const asOverrides = s.overrides.map((o) => ({
    id: o.id,
    userId: key('user', o.user.id),
    startAt: instant(o.start),
    endAt: instant(o.end),
  }))
  const { layers, isReadReversed } = layersInPrecedence(perLayer, asOverrides, rendered)
  if (isReadReversed)
    plan.approximations.push({ item: name, reason: 'layer precedence taken from its rendered final schedule' })
  plan.schedules.push({
    key: key('schedule', s.id),
    name: s.name,
    description: s.description ?? '',
    timeZone: s.time_zone,
    layers,
  })
  const overrides = [...s.overrides].sort((a, b) => instant(a.start).getTime() - instant(b.start).getTime())
  overrides.forEach((o, i) => {
    const previous = overrides[i - 1]
    if (previous && instant(previous.end) > instant(o.start))
      plan.approximations.push({
        item: `${name}, override ${o.id}`,
        reason: 'it overlaps another override; the later one wins',
      })
    plan.overrides.push({
      key: key('override', o.id),
      scheduleKey: key('schedule', s.id),
      personKey: key('user', o.user.id),
      startAt: instant(o.start),
      endAt: instant(o.end),
    })
  })
}

function targetOf(t: { id: string; type?: string | null | undefined }): PlannedTarget | null {
  const type = (t.type ?? '').replace(/_reference$/, '')
  if (type === 'user') return { kind: 'person', key: key('user', t.id) }
  if (type === 'schedule') return { kind: 'schedule', key: key('schedule', t.id) }
  return null
}

/**
 * PagerDuty on-call: users and how they are reached (email; phone, SMS and push have no Candor
 * channel), schedules with their layers, restrictions and overrides, escalation policies, and
 * each service as an intake integration (Events API v2) paging its policy.
 */
export function mapPagerduty(data: PagerdutyExport): ImportPlan {
  const plan = emptyPlan('pagerduty')
  for (const u of data.users) {
    const personKey = key('user', u.id)
    plan.people.push({ key: personKey, email: u.email, name: u.name })
    for (const c of u.contact_methods) {
      const type = (c.type ?? '').replace(/_reference$/, '')
      const address = typeof c.address === 'string' ? c.address : undefined
      if (type !== 'email_contact_method' || !address) {
        plan.skipped.push({
          item: `${u.name}'s ${type.replace(/_/g, ' ')}`,
          reason: 'Candor pages by email, webhook, Slack and in-app',
        })
        continue
      }
      const delays = u.notification_rules
        .filter((r) => r.contact_method.id === c.id && (r.urgency ?? 'high') === 'high')
        .map((r) => r.start_delay_in_minutes)
      plan.contactMethods.push({
        key: key('contact_method', c.id),
        personKey,
        kind: 'email',
        address,
        delayMinutes: Math.min(1440, delays.length ? Math.min(...delays) : 0),
      })
    }
  }
  const userKeys = new Set(plan.people.map((p) => p.key))
  for (const s of data.schedules) mapSchedule(plan, s, userKeys)
  for (const p of data.escalation_policies) {
    const levels = p.escalation_rules.map((rule, i) => {
      const targets = rule.targets.flatMap((t) => {
        const target = targetOf(t)
        if (!target)
          plan.skipped.push({
            item: `escalation policy "${p.name}", level ${i + 1}`,
            reason: `a ${t.type} target has no Candor equivalent`,
          })
        return target ? [target] : []
      })
      return { ackTimeoutMinutes: rule.escalation_delay_in_minutes, targets }
    })
    plan.policies.push({
      key: key('policy', p.id),
      name: p.name,
      description: p.description ?? '',
      repeatCount: p.num_loops,
      levels,
    })
  }
  for (const s of data.services) {
    const policyKey = s.escalation_policy ? key('policy', s.escalation_policy.id) : null
    plan.integrations.push({ key: key('service', s.id), name: s.name, kind: 'pagerduty', policyKey })
    for (const i of s.integrations) {
      const type = i.type.replace(/_reference$/, '')
      if (type === 'generic_email_inbound_integration')
        plan.integrations.push({ key: key('integration', i.id), name: `${s.name} (email)`, kind: 'email', policyKey })
      else if (type !== 'events_api_v2_inbound_integration' && type !== 'generic_events_api_inbound_integration')
        plan.approximations.push({
          item: `service "${s.name}", integration "${i.summary ?? i.id}"`,
          reason: "send its events to the service's new Events API v2 key instead",
        })
    }
  }
  return plan
}

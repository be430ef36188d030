import {
  emptyPlan,
  externalKey,
  type ImportPlan,
  type PlannedIntegration,
  type PlannedTarget,
} from '../../domain/import/import-plan.js'
import type { Restriction, Weekday } from '../../domain/oncall/schedule-types.js'
import { layersOf, timeOfDay } from '../oncall-layers.js'
import { instant, optionalInstant } from '../source-input.js'
import type { OpsgenieExport, OpsgenieRotation } from './opsgenie-export.js'

const key = (kind: string, id: string) => externalKey('opsgenie', kind, id)
const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
const dayOf = (name: string) => (days.indexOf(name) + 1) as Weekday
const unitMinutes: Record<string, number> = { minutes: 1, hours: 60, days: 1440 }
const shiftUnits = { hourly: 'hours', daily: 'days', weekly: 'weeks' } as const

function restrictionsOf(r: OpsgenieRotation): Restriction[] {
  const t = r.timeRestriction
  if (!t) return []
  if (t.type === 'time-of-day') {
    const { startHour, startMin, endHour, endMin } = t.restriction
    return [
      { kind: 'daily', startTime: timeOfDay(startHour * 60 + startMin), endTime: timeOfDay(endHour * 60 + endMin) },
    ]
  }
  return t.restrictions.map((w) => ({
    kind: 'weekly',
    startDay: dayOf(w.startDay),
    startTime: timeOfDay(w.startHour * 60 + w.startMin),
    endDay: dayOf(w.endDay),
    endTime: timeOfDay(w.endHour * 60 + w.endMin),
  }))
}

const integrationKinds: Record<string, PlannedIntegration['kind']> = {
  API: 'webhook',
  Prometheus: 'alertmanager',
  Email: 'email',
}

/**
 * Opsgenie on-call. Opsgenie pages everyone on call in every rotation of a schedule, while a
 * Candor schedule has one person at a time, so a schedule with several rotations becomes one
 * Candor schedule per rotation, and a policy that paged it pages all of them: the same people
 * are paged at every moment. Overrides go to the rotations they name (all when none).
 */
export function mapOpsgenie(data: OpsgenieExport): ImportPlan {
  const plan = emptyPlan('opsgenie')
  const byUsername = new Map<string, string>()
  for (const u of data.users) {
    const personKey = key('user', u.id)
    byUsername.set(u.username.toLowerCase(), personKey)
    plan.people.push({ key: personKey, email: u.username, name: u.fullName })
    for (const c of u.contacts) {
      if (c.method !== 'email' || c.enabled === false) {
        const reason = c.enabled === false ? 'disabled in Opsgenie' : 'Candor pages by email, webhook, Slack and in-app'
        plan.skipped.push({ item: `${u.fullName || u.username}'s ${c.method} contact`, reason })
        continue
      }
      plan.contactMethods.push({ key: key('contact', c.id), personKey, kind: 'email', address: c.to, delayMinutes: 0 })
    }
  }
  const personOf = (p: { type: string; id?: string | null; username?: string | null }) =>
    p.type !== 'user' ? null : p.id ? key('user', p.id) : (byUsername.get((p.username ?? '').toLowerCase()) ?? null)

  const schedulesOf = new Map<string, string[]>()
  for (const s of data.schedules) {
    if (s.rotations.length === 0) {
      plan.skipped.push({ item: `schedule "${s.name}"`, reason: 'it has no rotations' })
      continue
    }
    if (s.rotations.length > 1)
      plan.approximations.push({
        item: `schedule "${s.name}"`,
        reason: `split into ${s.rotations.length} schedules, one per rotation (Opsgenie pages every rotation)`,
      })
    const keys: string[] = []
    for (const r of s.rotations) {
      const item = `schedule "${s.name}", rotation "${r.name}"`
      const participantKeys = r.participants.flatMap((p) => {
        const person = personOf(p)
        if (!person)
          plan.approximations.push({ item, reason: `a "${p.type}" participant has no Candor equivalent; left out` })
        return person ? [person] : []
      })
      const scheduleKey = key('rotation', r.id)
      keys.push(scheduleKey)
      const start = instant(r.startDate)
      plan.schedules.push({
        key: scheduleKey,
        name: s.rotations.length > 1 ? `${s.name} · ${r.name}` : s.name,
        description: s.description ?? '',
        timeZone: s.timezone,
        layers: layersOf({
          name: r.name,
          participantKeys,
          shiftUnit: shiftUnits[r.type],
          shiftLength: r.length,
          anchorAt: start,
          startAt: start,
          endAt: optionalInstant(r.endDate),
          timeZone: s.timezone,
          restrictions: restrictionsOf(r),
        }),
      })
    }
    schedulesOf.set(s.id, keys)
    for (const o of s.overrides) {
      const person = personOf(o.user)
      const named = (o.rotations ?? []).map((r) => key('rotation', r.id))
      for (const scheduleKey of named.length ? named : keys) {
        if (!person) {
          plan.skipped.push({ item: `override "${o.alias}" of "${s.name}"`, reason: 'its user was not read' })
          break
        }
        plan.overrides.push({
          key: key('override', `${s.id}:${o.alias}:${scheduleKey.split(':').pop()}`),
          scheduleKey,
          personKey: person,
          startAt: instant(o.startDate),
          endAt: instant(o.endDate),
        })
      }
    }
  }

  for (const e of data.escalations) {
    const name = `escalation "${e.name}"`
    const byDelay = new Map<number, PlannedTarget[]>()
    for (const rule of e.rules) {
      const r = rule.recipient
      const minutes = Math.round(rule.delay.timeAmount * (unitMinutes[rule.delay.timeUnit] ?? 1))
      if (rule.notifyType !== 'default' && r.type === 'schedule') {
        plan.skipped.push({
          item: `${name}, rule after ${minutes} min`,
          reason: `"${rule.notifyType}" on-call has no Candor equivalent`,
        })
        continue
      }
      const targets: PlannedTarget[] =
        r.type === 'schedule' && r.id
          ? (schedulesOf.get(r.id) ?? [key('rotation', `missing-${r.id}`)]).map((k) => ({ kind: 'schedule', key: k }))
          : personOf(r)
            ? [{ kind: 'person', key: personOf(r)! }]
            : []
      if (targets.length === 0) {
        plan.skipped.push({
          item: `${name}, rule after ${minutes} min`,
          reason: `a ${r.type} recipient has no Candor equivalent`,
        })
        continue
      }
      if (rule.condition !== 'if-not-acked')
        plan.approximations.push({ item: name, reason: `"${rule.condition}" is treated as "if not acknowledged"` })
      byDelay.set(minutes, [...(byDelay.get(minutes) ?? []), ...targets])
    }
    const delays = [...byDelay.keys()].sort((a, b) => a - b)
    if (delays[0])
      plan.approximations.push({
        item: name,
        reason: `the first level pages at once (Opsgenie waited ${delays[0]} min)`,
      })
    const wait = Math.round(e.repeat?.waitInterval ?? 0) || 30
    plan.policies.push({
      key: key('escalation', e.id),
      name: e.name,
      description: e.description ?? '',
      repeatCount: e.repeat?.count ?? 0,
      levels: delays.map((d, i) => ({
        ackTimeoutMinutes: i + 1 < delays.length ? delays[i + 1]! - d : wait,
        targets: byDelay.get(d)!,
      })),
    })
  }

  for (const i of data.integrations) {
    if (i.enabled === false) {
      plan.skipped.push({ item: `integration "${i.name}"`, reason: 'disabled in Opsgenie' })
      continue
    }
    const kind = integrationKinds[i.type] ?? 'webhook'
    if (!integrationKinds[i.type])
      plan.approximations.push({
        item: `integration "${i.name}"`,
        reason: `a ${i.type} integration becomes a generic webhook`,
      })
    plan.integrations.push({ key: key('integration', i.id), name: i.name, kind, policyKey: null })
  }
  return plan
}

import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { checkPlan } from '../../src/domain/import/check-plan.js'
import type { ImportPlan } from '../../src/domain/import/import-plan.js'
import type { Schedule } from '../../src/domain/oncall/schedule-types.js'
import { whoIsOnCall } from '../../src/domain/oncall/who-is-on-call.js'
import { pagerdutyExport } from '../../src/import/pagerduty/pagerduty-export.js'
import { mapPagerduty } from '../../src/import/pagerduty/map-pagerduty.js'
import { pagerdutyOnCallAt, type PdLayer, type PdSchedule } from './reference/pagerduty-oncall.js'

const HOUR_MS = 3_600_000
const yearStart = Date.parse('2027-01-01T00:00:00Z')
const people = ['PU1', 'PU2', 'PU3', 'PU4', 'PU5']
const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']

// PagerDuty does not document what a handoff or a restriction edge inside a DST gap or overlap
// means, so generated wall times keep clear of 01:00–03:59, where every zone above changes.
const wallHour = fc.oneof(fc.constant(0), fc.integer({ min: 4, max: 23 }))
const wallMinutes = fc.tuple(wallHour, fc.constantFrom(0, 30)).map(([h, m]) => h * 60 + m)
const hhmmss = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`

const restriction = fc.oneof(
  fc.tuple(wallMinutes, wallMinutes).map(([start, end]) => ({
    type: 'daily_restriction' as const,
    start_time_of_day: hhmmss(start),
    duration_seconds: ((end - start + 1440) % 1440 || 1440) * 60,
  })),
  fc
    .tuple(fc.integer({ min: 1, max: 7 }), wallMinutes, fc.integer({ min: 0, max: 6 }), wallMinutes)
    .map(([day, start, spanDays, end]) => ({
      type: 'weekly_restriction' as const,
      start_time_of_day: hhmmss(start),
      start_day_of_week: day,
      duration_seconds: (spanDays * 1440 + end - start > 0 ? spanDays * 1440 + end - start : 7 * 1440) * 60,
    })),
)

const turnSeconds = fc.oneof(
  fc.constantFrom(4, 6, 8, 12).map((h) => h * 3600),
  fc.constantFrom(1, 2, 7, 14).map((d) => d * 86_400),
)

const layer = (zone: string) =>
  fc
    .record({
      anchorDaysBefore: fc.integer({ min: 0, max: 90 }),
      anchorMinutes: wallMinutes,
      startHoursAfter: fc.integer({ min: 0, max: 24 * 200 }),
      lengthDays: fc.option(fc.integer({ min: 20, max: 500 }), { nil: null }),
      turn: turnSeconds,
      users: fc.array(fc.constantFrom(...people), { minLength: 1, maxLength: 4 }),
      restrictions: fc.array(restriction, { maxLength: 2 }),
    })
    .map((l): PdLayer => {
      const anchorDay = DateTime.fromMillis(yearStart, { zone }).minus({ days: l.anchorDaysBefore + 1 })
      const anchor = anchorDay.set({ hour: Math.floor(l.anchorMinutes / 60), minute: l.anchorMinutes % 60 })
      const start = anchor.plus({ hours: l.startHoursAfter })
      return {
        start: start.toISO()!,
        end: l.lengthDays === null ? null : start.plus({ days: l.lengthDays }).toISO()!,
        rotation_virtual_start: anchor.toISO()!,
        rotation_turn_length_seconds: l.turn,
        users: l.users.map((id) => ({ user: { id } })),
        restrictions: l.restrictions,
      }
    })

/** Overrides one after another (PagerDuty's order among overlapping ones is not documented). */
const overrides = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 24 * 30 }), fc.integer({ min: 1, max: 72 }), fc.constantFrom(...people)), {
    maxLength: 4,
  })
  .map((parts) => {
    let at = yearStart - 24 * HOUR_MS
    return parts.map(([gapHours, hours, id]) => {
      const start = at + gapHours * HOUR_MS + 30 * 60_000
      at = start + hours * HOUR_MS
      return { start: new Date(start).toISOString(), end: new Date(at).toISOString(), user: { id } }
    })
  })

const schedule = fc.constantFrom(...zones).chain((zone) =>
  fc.record({
    time_zone: fc.constant(zone),
    schedule_layers: fc.array(layer(zone), { minLength: 1, maxLength: 3 }),
    overrides,
  }),
)

function importedSchedule(pd: PdSchedule & { final_schedule?: unknown }): { plan: ImportPlan; schedule: Schedule } {
  const source = pagerdutyExport.parse({
    users: people.map((id) => ({ id, name: id, email: `${id.toLowerCase()}@example.com` })),
    schedules: [
      {
        id: 'PSCHED1',
        name: 'Primary',
        ...pd,
        schedule_layers: pd.schedule_layers.map((l, i) => ({ id: `PL${i}`, name: `Layer ${i + 1}`, ...l })),
        overrides: pd.overrides.map((o, i) => ({ id: `PO${i}`, ...o })),
      },
    ],
  })
  const plan = checkPlan(mapPagerduty(source))
  const person = (key: string) => key.replace('pagerduty:user:', '')
  const s = plan.schedules[0]!
  return {
    plan,
    schedule: {
      id: s.key,
      timeZone: s.timeZone,
      layers: s.layers.map((l, i) => ({
        id: String(i),
        participants: l.participantKeys.map(person),
        shiftLength: { unit: l.shiftUnit, length: l.shiftLength },
        startAt: l.startAt,
        endAt: l.endAt,
        timeZone: l.timeZone,
        restrictions: l.restrictions,
      })),
      overrides: plan.overrides.map((o, i) => ({
        id: String(i),
        userId: person(o.personKey),
        startAt: o.startAt,
        endAt: o.endAt,
      })),
    },
  }
}

describe('a PagerDuty schedule imported into Candor', () => {
  it('puts the same person on call as PagerDuty would, every hour of a year', () => {
    fc.assert(
      fc.property(schedule, (pd) => {
        const { plan, schedule: imported } = importedSchedule(pd)
        expect(plan.skipped).toEqual([])
        for (let h = 0; h < 365 * 24; h++) {
          const at = yearStart + h * HOUR_MS
          const expected = pagerdutyOnCallAt(pd, at)
          const actual = whoIsOnCall(imported, new Date(at))?.userId ?? null
          if (actual !== expected)
            expect({ at: new Date(at).toISOString(), who: actual }).toEqual({
              at: new Date(at).toISOString(),
              who: expected,
            })
        }
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})

describe('the precedence of PagerDuty layers', () => {
  it('follows the rendered final schedule when the API lists layers lowest first', () => {
    const twoOrMore = schedule.filter((pd) => pd.schedule_layers.length >= 2)
    fc.assert(
      fc.property(twoOrMore, (pd) => {
        const halfHour = HOUR_MS / 2
        const fortnight = Array.from({ length: 14 * 48 }, (_, i) => yearStart + i * halfHour)
        const rendered = fortnight.map((start) => {
          const who = pagerdutyOnCallAt(pd, start + halfHour / 2)
          return {
            start: new Date(start).toISOString(),
            end: new Date(start + halfHour).toISOString(),
            user: who ? { id: who } : null,
          }
        })
        const lowestFirst = { ...pd, schedule_layers: [...pd.schedule_layers].reverse() }
        const { schedule: imported } = importedSchedule({
          ...lowestFirst,
          final_schedule: { rendered_schedule_entries: rendered },
        })
        for (const start of fortnight) {
          const at = new Date(start + halfHour / 2)
          expect([at, whoIsOnCall(imported, at)?.userId ?? null]).toEqual([at, pagerdutyOnCallAt(pd, at.getTime())])
        }
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})

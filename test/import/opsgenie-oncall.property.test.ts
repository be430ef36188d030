import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { checkPlan } from '../../src/domain/import/check-plan.js'
import type { Schedule } from '../../src/domain/oncall/schedule-types.js'
import { whoIsOnCall } from '../../src/domain/oncall/who-is-on-call.js'
import { mapOpsgenie } from '../../src/import/opsgenie/map-opsgenie.js'
import { opsgenieExport } from '../../src/import/opsgenie/opsgenie-export.js'
import { type OgRotation, type OgSchedule, opsgenieOnCallAt } from './reference/opsgenie-oncall.js'

const HOUR_MS = 3_600_000
const yearStart = Date.parse('2027-01-01T00:00:00Z')
const people = ['og-u1', 'og-u2', 'og-u3', 'og-u4']
const zones = ['UTC', 'Europe/Istanbul', 'Europe/London', 'America/Los_Angeles', 'Australia/Adelaide']
const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

// Opsgenie does not say what a handoff or window edge inside a DST gap means: generated wall
// times keep clear of 01:00–03:59 (Opsgenie allows minutes 0 and 30 only).
const wallHour = fc.oneof(fc.constant(0), fc.integer({ min: 4, max: 23 }))
const wall = fc.tuple(wallHour, fc.constantFrom(0, 30))

const timeRestriction = fc.oneof(
  fc.constant(null),
  fc
    .tuple(wall, wall)
    .filter(([a, b]) => a[0] !== b[0] || a[1] !== b[1])
    .map(([[startHour, startMin], [endHour, endMin]]) => ({
      type: 'time-of-day' as const,
      restriction: { startHour, startMin, endHour, endMin },
    })),
  fc
    .array(
      fc
        .tuple(fc.integer({ min: 0, max: 6 }), wall, fc.integer({ min: 0, max: 6 }), wall)
        .filter(([d1, a, d2, b]) => d1 !== d2 || a[0] * 60 + a[1] !== b[0] * 60 + b[1]),
      { minLength: 1, maxLength: 3 },
    )
    .map((windows) => ({
      type: 'weekday-and-time-of-day' as const,
      restrictions: windows.map(([d1, [startHour, startMin], d2, [endHour, endMin]]) => ({
        startDay: days[d1]!,
        startHour,
        startMin,
        endDay: days[d2]!,
        endHour,
        endMin,
      })),
    })),
)

const rotation = (zone: string) =>
  fc
    .record({
      daysBefore: fc.integer({ min: -120, max: 60 }),
      at: wall,
      lengthDays: fc.option(fc.integer({ min: 10, max: 400 }), { nil: null }),
      type: fc.constantFrom('hourly' as const, 'daily' as const, 'weekly' as const),
      length: fc.integer({ min: 1, max: 3 }),
      participants: fc.array(fc.constantFrom(...people), { minLength: 1, maxLength: 4 }),
      timeRestriction,
    })
    .map((r): OgRotation => {
      const day = DateTime.fromMillis(yearStart, { zone }).minus({ days: r.daysBefore })
      const start = day.set({ hour: r.at[0], minute: r.at[1], second: 0, millisecond: 0 })
      return {
        startDate: start.toISO()!,
        endDate: r.lengthDays === null ? null : start.plus({ days: r.lengthDays }).toISO()!,
        type: r.type,
        length: r.type === 'hourly' ? r.length * 4 : r.length,
        participants: r.participants.map((id) => ({ type: 'user', id })),
        timeRestriction: r.timeRestriction,
      }
    })

const overrides = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 24 * 40 }), fc.integer({ min: 1, max: 96 }), fc.constantFrom(...people)), {
    maxLength: 3,
  })
  .map((parts) => {
    let at = yearStart
    return parts.map(([gap, hours, id]) => {
      const start = at + gap * HOUR_MS
      at = start + hours * HOUR_MS
      return {
        user: { type: 'user' as const, id },
        startDate: new Date(start).toISOString(),
        endDate: new Date(at).toISOString(),
      }
    })
  })

const schedule = fc.constantFrom(...zones).chain((zone) =>
  fc.record({
    timezone: fc.constant(zone),
    rotations: fc.array(rotation(zone), { minLength: 1, maxLength: 3 }),
    overrides,
  }),
)

function imported(og: OgSchedule): Schedule[] {
  const plan = checkPlan(
    mapOpsgenie(
      opsgenieExport.parse({
        users: people.map((id) => ({ id, username: `${id}@example.com`, fullName: id })),
        schedules: [
          {
            id: 'og-s1',
            name: 'Ops',
            ...og,
            rotations: og.rotations.map((r, i) => ({ id: `og-r${i}`, name: `R${i}`, ...r })),
            overrides: og.overrides.map((o, i) => ({ alias: `ov${i}`, ...o })),
          },
        ],
      }),
    ),
  )
  expect(plan.skipped).toEqual([])
  const person = (k: string) => k.replace('opsgenie:user:', '')
  return plan.schedules.map((s) => ({
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
    overrides: plan.overrides
      .filter((o) => o.scheduleKey === s.key)
      .map((o, i) => ({ id: String(i), userId: person(o.personKey), startAt: o.startAt, endAt: o.endAt })),
  }))
}

describe('an Opsgenie schedule imported into Candor', () => {
  it('pages the same people Opsgenie would (every rotation at once), every hour of a year', () => {
    fc.assert(
      fc.property(schedule, (og) => {
        const schedules = imported(og)
        for (let h = 0; h < 365 * 24; h++) {
          const at = yearStart + h * HOUR_MS
          const expected = opsgenieOnCallAt(og, at)
          const actual = [...new Set(schedules.flatMap((s) => whoIsOnCall(s, new Date(at))?.userId ?? []))].sort()
          if (actual.join() !== expected.join())
            expect({ at: new Date(at).toISOString(), actual }).toEqual({
              at: new Date(at).toISOString(),
              actual: expected,
            })
        }
      }),
      { numRuns: 15 },
    )
  }, 120_000)
})

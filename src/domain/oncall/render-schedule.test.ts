import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { layerCoverage } from './layer-coverage.js'
import { renderSchedule } from './render-schedule.js'
import { whoIsOnCall } from './who-is-on-call.js'
import { rotationShiftAt } from './rotation.js'
import type { Layer, Override, Restriction, Schedule, ScheduleSegment, Weekday } from './schedule-types.js'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const FROM = Date.parse('2026-03-01T00:00:00Z')
const people = ['ana', 'ben', 'chi', 'dev', 'eli']
const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'UTC']

const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>
const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc.record({ kind: fc.constant('daily' as const), startTime: time, endTime: time }),
  fc.record({
    kind: fc.constant('weekly' as const),
    startDay: weekday,
    startTime: time,
    endDay: weekday,
    endTime: time,
  }),
)

const layer = (restricted: boolean): fc.Arbitrary<Omit<Layer, 'id'>> =>
  fc.record({
    participants: fc.array(fc.constantFrom(...people), { maxLength: 4 }),
    shiftLength: fc.oneof(
      fc.record({ unit: fc.constant('hours' as const), length: fc.integer({ min: 1, max: 48 }) }),
      fc.record({ unit: fc.constantFrom('days' as const, 'weeks' as const), length: fc.integer({ min: 1, max: 3 }) }),
    ),
    startAt: fc.integer({ min: FROM - 20 * DAY_MS, max: FROM + 10 * DAY_MS }).map((ms) => new Date(ms)),
    timeZone: fc.constantFrom(...zones),
    restrictions: restricted ? fc.array(restriction, { maxLength: 3 }) : fc.constant([]),
  })

const override: fc.Arbitrary<Omit<Override, 'id'>> = fc
  .record({
    start: fc.integer({ min: FROM - DAY_MS, max: FROM + 30 * DAY_MS }),
    hours: fc.integer({ min: 1, max: 72 }),
    userId: fc.constantFrom(...people),
    replaces: fc.option(fc.constantFrom(...people)),
  })
  .map(({ start, hours, userId, replaces }) => ({
    userId,
    startAt: new Date(start),
    endAt: new Date(start + hours * HOUR_MS),
    replacesUserId: replaces,
  }))

const schedule = (restricted: boolean): fc.Arbitrary<Schedule> =>
  fc
    .record({
      layers: fc.array(layer(restricted), { minLength: 1, maxLength: 4 }),
      overrides: fc.array(override, { maxLength: 3 }),
    })
    .map(({ layers, overrides }) => ({
      id: 's1',
      timeZone: 'UTC',
      layers: layers.map((l, i) => ({ ...l, id: `layer-${i}` })),
      overrides: overrides.map((o, i) => ({ ...o, id: `override-${i}` })),
    }))

const range = fc
  .integer({ min: 1, max: 21 * 24 })
  .map((hours) => ({ from: new Date(FROM), to: new Date(FROM + hours * HOUR_MS) }))
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

/** An instant in [startMs, endMs); floating-point rounding must not land on the excluded end. */
const pointIn = (startMs: number, endMs: number, p: number) =>
  startMs + Math.min(endMs - startMs - 1, Math.floor(p * (endMs - startMs)))

function segmentAt(segments: readonly ScheduleSegment[], ms: number): ScheduleSegment | undefined {
  return segments.find((s) => s.startAt.getTime() <= ms && ms < s.endAt.getTime())
}

describe('the rendered schedule', () => {
  it('is contiguous and non-overlapping from the start of the range to its end', () => {
    fc.assert(
      fc.property(schedule(true), range, (s, { from, to }) => {
        const segments = renderSchedule(s, from, to)
        expect(segments[0]!.startAt).toEqual(from)
        expect(segments[segments.length - 1]!.endAt).toEqual(to)
        segments.forEach((segment, i) => {
          expect(segment.startAt.getTime()).toBeLessThan(segment.endAt.getTime())
          const next = segments[i + 1]
          if (next) expect(next.startAt).toEqual(segment.endAt)
        })
      }),
      { numRuns: 150 },
    )
  })

  it('agrees with who-is-on-call at every sampled instant, restrictions and overrides included', () => {
    fc.assert(
      fc.property(
        schedule(true),
        range,
        fc.array(fraction, { minLength: 1, maxLength: 10 }),
        (s, { from, to }, points) => {
          const segments = renderSchedule(s, from, to)
          for (const p of points) {
            const ms = pointIn(from.getTime(), to.getTime(), p)
            const segment = segmentAt(segments, ms)!
            const onCall = whoIsOnCall(s, new Date(ms))
            expect(segment.userId).toBe(onCall?.userId ?? null)
            expect(segment.source).toEqual(onCall?.source ?? { kind: 'none' })
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('has exactly one person per unrestricted layer with participants at every instant after the layer starts', () => {
    fc.assert(
      fc.property(layer(false), range, fraction, (l, { from, to }, p) => {
        fc.pre(l.participants.length > 0)
        const full: Layer = { ...l, id: 'l' }
        const pieces = layerCoverage(full, from.getTime(), to.getTime())
        const coveredFrom = Math.max(from.getTime(), l.startAt.getTime())
        if (coveredFrom >= to.getTime()) {
          expect(pieces).toEqual([])
          return
        }
        expect(pieces[0]!.startMs).toBe(coveredFrom)
        expect(pieces[pieces.length - 1]!.endMs).toBe(to.getTime())
        pieces.slice(1).forEach((piece, i) => expect(piece.startMs).toBe(pieces[i]!.endMs))
        const ms = pointIn(coveredFrom, to.getTime(), p)
        const holding = pieces.filter((piece) => piece.startMs <= ms && ms < piece.endMs)
        expect(holding).toHaveLength(1)
        expect(holding[0]!.userId).toBe(rotationShiftAt(full, ms)!.userId)
      }),
      { numRuns: 200 },
    )
  })

  it('lets an override win over every layer for its whole period', () => {
    fc.assert(
      fc.property(
        schedule(true),
        fc.constantFrom(...people),
        fc.integer({ min: 0, max: 10 * 24 }),
        fc.integer({ min: 1, max: 48 }),
        fraction,
        (s, cover, startHour, hours, p) => {
          const startAt = new Date(FROM + startHour * HOUR_MS)
          const endAt = new Date(startAt.getTime() + hours * HOUR_MS)
          const withOverride: Schedule = {
            ...s,
            overrides: [...(s.overrides ?? []), { id: 'cover', userId: cover, startAt, endAt }],
          }
          const segments = renderSchedule(withOverride, startAt, endAt)
          expect(segments).toEqual([
            { startAt, endAt, userId: cover, source: { kind: 'override', overrideId: 'cover' } },
          ])
          const ms = pointIn(startAt.getTime(), endAt.getTime(), p)
          expect(whoIsOnCall(withOverride, new Date(ms))?.userId).toBe(cover)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('takes the top layer that has someone, and falls through where it has nobody', () => {
    const base: Layer = {
      id: 'base',
      participants: ['ana'],
      shiftLength: { unit: 'days', length: 1 },
      startAt: new Date('2026-01-05T00:00:00Z'),
      timeZone: 'UTC',
    }
    const office: Layer = {
      id: 'office',
      participants: ['ben', 'chi'],
      shiftLength: { unit: 'weeks', length: 1 },
      startAt: new Date('2026-01-05T08:00:00Z'),
      timeZone: 'Europe/Berlin',
      restrictions: [{ kind: 'daily', startTime: '09:00', endTime: '17:00' }],
    }
    const s: Schedule = { id: 's', timeZone: 'UTC', layers: [base, office] }
    expect(whoIsOnCall(s, new Date('2026-01-06T09:00:00Z'))).toEqual({
      userId: 'ben',
      source: { kind: 'layer', layerId: 'office' },
    })
    expect(whoIsOnCall(s, new Date('2026-01-13T09:00:00Z'))?.userId).toBe('chi')
    expect(whoIsOnCall(s, new Date('2026-01-06T18:00:00Z'))).toEqual({
      userId: 'ana',
      source: { kind: 'layer', layerId: 'base' },
    })
    expect(whoIsOnCall(s, new Date('2026-01-01T12:00:00Z'))).toBeNull()
  })

  it('applies a cover-for override only while the covered person would be on call', () => {
    const l: Layer = {
      id: 'l',
      participants: ['ana', 'ben'],
      shiftLength: { unit: 'hours', length: 12 },
      startAt: new Date('2026-02-01T00:00:00Z'),
      timeZone: 'UTC',
    }
    const s: Schedule = {
      id: 's',
      timeZone: 'UTC',
      layers: [l],
      overrides: [
        {
          id: 'o',
          userId: 'eli',
          replacesUserId: 'ben',
          startAt: new Date('2026-02-01T00:00:00Z'),
          endAt: new Date('2026-02-02T00:00:00Z'),
        },
      ],
    }
    expect(
      renderSchedule(s, new Date('2026-02-01T00:00:00Z'), new Date('2026-02-02T00:00:00Z')).map((x) => x.userId),
    ).toEqual(['ana', 'eli'])
  })
})

import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { rotationShiftAt, rotationShiftsBetween, shiftIndexAt, shiftStartMs } from './rotation.js'
import type { Layer } from './schedule-types.js'

const HOUR_MS = 3_600_000

function dailyLayer(zone: string, startLocal: string, participants = ['ana', 'ben', 'chi']): Layer {
  return {
    id: 'l1',
    participants,
    shiftLength: { unit: 'days', length: 1 },
    startAt: DateTime.fromISO(startLocal, { zone }).toJSDate(),
    timeZone: zone,
  }
}

const localHandoffs = (layer: Layer, from: string, to: string) =>
  rotationShiftsBetween(layer, Date.parse(from), Date.parse(to)).map((s) =>
    DateTime.fromMillis(s.startMs, { zone: layer.timeZone }).toFormat('yyyy-MM-dd HH:mm'),
  )

describe('rotation', () => {
  it('hands an hourly rotation on every N elapsed hours, in participant order', () => {
    const layer: Layer = {
      id: 'l',
      participants: ['a', 'b'],
      shiftLength: { unit: 'hours', length: 8 },
      startAt: new Date('2026-01-01T00:00:00Z'),
      timeZone: 'UTC',
    }
    expect(rotationShiftAt(layer, Date.parse('2026-01-01T07:59:59Z'))?.userId).toBe('a')
    expect(rotationShiftAt(layer, Date.parse('2026-01-01T08:00:00Z'))?.userId).toBe('b')
    expect(rotationShiftAt(layer, Date.parse('2026-01-01T16:00:00Z'))?.userId).toBe('a')
    expect(rotationShiftAt(layer, Date.parse('2025-12-31T23:59:59Z'))).toBeNull()
  })

  it('keeps a daily 09:00 handoff at 09:00 local through the Berlin spring-forward week', () => {
    const layer = dailyLayer('Europe/Berlin', '2026-03-25T09:00')
    const handoffs = localHandoffs(layer, '2026-03-25T08:00:00Z', '2026-04-02T00:00:00Z')
    expect(handoffs).toEqual([
      '2026-03-25 09:00',
      '2026-03-26 09:00',
      '2026-03-27 09:00',
      '2026-03-28 09:00',
      '2026-03-29 09:00',
      '2026-03-30 09:00',
      '2026-03-31 09:00',
      '2026-04-01 09:00',
    ])
    const shortDay = rotationShiftAt(layer, Date.parse('2026-03-29T00:00:00Z'))!
    expect(shortDay.endMs - shortDay.startMs).toBe(23 * HOUR_MS)
  })

  it('keeps a daily 09:00 handoff at 09:00 local through the New York fall-back week', () => {
    const layer = dailyLayer('America/New_York', '2026-10-29T09:00')
    const handoffs = localHandoffs(layer, '2026-10-29T13:00:00Z', '2026-11-04T00:00:00Z')
    expect(handoffs.every((h) => h.endsWith('09:00'))).toBe(true)
    const longDay = rotationShiftAt(layer, Date.parse('2026-11-01T12:00:00Z'))!
    expect(longDay.endMs - longDay.startMs).toBe(25 * HOUR_MS)
  })

  it('gives the leap day 2028-02-29 its own 24-hour shift and keeps the order going', () => {
    const layer = dailyLayer('Europe/Berlin', '2028-02-27T09:00')
    const shifts = rotationShiftsBetween(layer, Date.parse('2028-02-27T08:00:00Z'), Date.parse('2028-03-02T08:00:00Z'))
    const days = shifts.map((s) => [DateTime.fromMillis(s.startMs, { zone: 'Europe/Berlin' }).toISODate(), s.userId])
    expect(days).toEqual([
      ['2028-02-27', 'ana'],
      ['2028-02-28', 'ben'],
      ['2028-02-29', 'chi'],
      ['2028-03-01', 'ana'],
    ])
    expect(shifts.every((s) => s.endMs - s.startMs === 24 * HOUR_MS)).toBe(true)
  })

  it('starts a weekly rotation anchored on 29 February on the same weekday and local time every week', () => {
    const layer: Layer = {
      ...dailyLayer('America/New_York', '2028-02-29T10:00'),
      shiftLength: { unit: 'weeks', length: 1 },
    }
    const starts = rotationShiftsBetween(
      layer,
      Date.parse('2028-02-29T15:00:00Z'),
      Date.parse('2028-04-01T00:00:00Z'),
    ).map((s) => DateTime.fromMillis(s.startMs, { zone: 'America/New_York' }))
    expect(starts.map((d) => d.toISODate())).toEqual([
      '2028-02-29',
      '2028-03-07',
      '2028-03-14',
      '2028-03-21',
      '2028-03-28',
    ])
    expect(starts.every((d) => d.weekday === 2 && d.hour === 10)).toBe(true)
  })

  it('puts every instant after the start in exactly the shift whose bounds contain it', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC']
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom('hours', 'days', 'weeks') as fc.Arbitrary<'hours' | 'days' | 'weeks'>,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2029-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 2 * 365 * 24 * HOUR_MS }),
        (zone, unit, length, startMs, offsetMs) => {
          const layer: Layer = {
            id: 'l',
            participants: ['a', 'b', 'c'],
            shiftLength: { unit, length },
            startAt: new Date(startMs),
            timeZone: zone,
          }
          const ms = startMs + offsetMs
          const k = shiftIndexAt(layer, ms)
          expect(shiftStartMs(layer, k)).toBeLessThanOrEqual(ms)
          expect(shiftStartMs(layer, k + 1)).toBeGreaterThan(ms)
          if (unit !== 'hours') {
            const local = (n: number) => DateTime.fromMillis(shiftStartMs(layer, n), { zone }).toFormat('HH:mm')
            // A handoff time that falls in a spring-forward gap moves later that one day only.
            const anchor = local(0)
            expect([local(k), local(k + 1)].filter((t) => t === anchor).length).toBeGreaterThanOrEqual(1)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { nextShifts, onCallShifts, shiftsOf } from './schedule-queries.js'
import { compileTimeline } from './schedule-timeline.js'
import { whoIsOnCall } from './who-is-on-call.js'
import type { Schedule } from './schedule-types.js'

const weekly: Schedule = {
  id: 's',
  timeZone: 'Europe/Berlin',
  layers: [
    {
      id: 'l',
      participants: ['ana', 'ben', 'chi'],
      shiftLength: { unit: 'weeks', length: 1 },
      startAt: new Date('2026-01-05T08:00:00Z'),
      timeZone: 'Europe/Berlin',
    },
  ],
  overrides: [
    { id: 'o', userId: 'dev', startAt: new Date('2026-01-14T08:00:00Z'), endAt: new Date('2026-01-15T08:00:00Z') },
  ],
}

const iso = (d: Date) => d.toISOString()

describe('schedule queries', () => {
  it('lists the next shifts from the one in progress, with its true start', () => {
    const shifts = nextShifts(weekly, new Date('2026-01-07T12:00:00Z'), 4)
    expect(shifts.map((s) => [s.userId, iso(s.startAt), iso(s.endAt)])).toEqual([
      ['ana', '2026-01-05T08:00:00.000Z', '2026-01-12T08:00:00.000Z'],
      ['ben', '2026-01-12T08:00:00.000Z', '2026-01-14T08:00:00.000Z'],
      ['dev', '2026-01-14T08:00:00.000Z', '2026-01-15T08:00:00.000Z'],
      ['ben', '2026-01-15T08:00:00.000Z', '2026-01-19T08:00:00.000Z'],
    ])
  })

  it('finds shifts months ahead when the schedule is sparse', () => {
    const later: Schedule = {
      ...weekly,
      layers: [{ ...weekly.layers[0]!, startAt: new Date('2026-06-01T07:00:00Z') }],
      overrides: [],
    }
    const shifts = nextShifts(later, new Date('2026-01-01T00:00:00Z'), 2)
    expect(shifts.map((s) => s.userId)).toEqual(['ana', 'ben'])
    expect(iso(shifts[0]!.startAt)).toBe('2026-06-01T07:00:00.000Z')
  })

  it("shows one person's shifts only, joining an override that meets their own shift", () => {
    const s: Schedule = {
      ...weekly,
      overrides: [
        { id: 'o', userId: 'ana', startAt: new Date('2026-01-12T08:00:00Z'), endAt: new Date('2026-01-13T08:00:00Z') },
      ],
    }
    const mine = shiftsOf(s, 'ana', new Date('2026-01-05T00:00:00Z'), new Date('2026-02-01T00:00:00Z'))
    expect(mine.map((x) => [iso(x.startAt), iso(x.endAt)])).toEqual([
      ['2026-01-05T08:00:00.000Z', '2026-01-13T08:00:00.000Z'],
      ['2026-01-26T08:00:00.000Z', '2026-02-01T00:00:00.000Z'],
    ])
  })

  it('drops nobody-gaps from the shifts people see', () => {
    const shifts = onCallShifts(weekly, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-06T00:00:00Z'))
    expect(shifts).toEqual([
      { userId: 'ana', startAt: new Date('2026-01-05T08:00:00Z'), endAt: new Date('2026-01-06T00:00:00Z') },
    ])
  })

  it('answers from a compiled timeline exactly as the direct lookup does, hour by hour for a year', () => {
    const from = new Date('2026-01-01T00:00:00Z')
    const to = new Date('2027-01-01T00:00:00Z')
    const timeline = compileTimeline(weekly, from, to)
    for (let ms = from.getTime(); ms < to.getTime(); ms += 3_600_000 + 17) {
      expect(timeline.at(ms)).toBe(whoIsOnCall(weekly, new Date(ms))?.userId ?? null)
    }
    expect(timeline.at(to.getTime())).toBeUndefined()
  })
})

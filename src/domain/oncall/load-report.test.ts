import { describe, expect, it } from 'vitest'
import { loadReport } from './load-report.js'
import { workingHours } from './restriction.js'
import type { Schedule } from './schedule-types.js'

// The seed's rota: 8-hour working-hours shifts, a week at a time, weeks between a person's turns.
const rota: Schedule = {
  id: 'support',
  timeZone: 'Europe/Berlin',
  layers: [
    {
      id: 'weekdays',
      participants: ['ana', 'ben', 'chi'],
      shiftLength: { unit: 'weeks', length: 1 },
      startAt: new Date('2026-03-02T08:00:00Z'),
      timeZone: 'Europe/Berlin',
      restrictions: workingHours([1, 2, 3, 4, 5], '09:00', '17:00'),
    },
  ],
}

describe('load report', () => {
  it("groups a week of daily shifts into one turn and reports the weeks between a person's turns", () => {
    const report = loadReport(rota, new Date('2026-03-02T00:00:00Z'), new Date('2026-04-18T00:00:00Z'))
    const ana = report.find((p) => p.userId === 'ana')!
    expect(ana.shifts).toHaveLength(15)
    expect(ana.onCallHours).toBe(120)
    expect(ana.turns.map((t) => [t.startAt.toISOString(), t.shiftCount, t.onCallHours])).toEqual([
      ['2026-03-02T08:00:00.000Z', 5, 40],
      ['2026-03-23T08:00:00.000Z', 5, 40],
      // After the clocks change on 29 March, 09:00 Berlin is 07:00 UTC: the turn still starts at 09:00 local.
      ['2026-04-13T07:00:00.000Z', 5, 40],
    ])
    // Friday 17:00 to Monday 09:00 two weeks later is 16 days 16 hours; the second gap loses the DST hour.
    expect(ana.gapsBetweenTurnsHours).toEqual([16 * 24 + 16, 16 * 24 + 15])
    expect(ana.shortestGapBetweenTurnsHours).toBe(16 * 24 + 15)
    expect(ana.shortestRestHours).toBe(16)
  })

  it('lists everyone who holds a shift, busiest first', () => {
    const report = loadReport(rota, new Date('2026-03-02T00:00:00Z'), new Date('2026-03-16T00:00:00Z'))
    expect(report.map((p) => [p.userId, p.onCallHours])).toEqual([
      ['ana', 40],
      ['ben', 40],
    ])
    expect(report[0]!.shortestGapBetweenTurnsHours).toBeNull()
  })
})

import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { followTheSun, followTheSunExample } from './follow-the-sun.js'
import { renderSchedule } from './render-schedule.js'
import { whoIsOnCall } from './who-is-on-call.js'
import { scheduleProblems } from './schedule-validation.js'

const HOUR_MS = 3_600_000
const regions = [
  { name: 'Sydney', timeZone: 'Australia/Sydney', participants: ['syd-1', 'syd-2'] },
  { name: 'Berlin', timeZone: 'Europe/Berlin', participants: ['ber-1', 'ber-2', 'ber-3'] },
  { name: 'New York', timeZone: 'America/New_York', participants: ['nyc-1'] },
] as const
const startAt = new Date('2026-03-02T10:17:00Z')
const schedule = followTheSun({ id: 'fts', startAt, regions })

describe('follow the sun', () => {
  it('builds a valid schedule of three layers, one per region', () => {
    expect(scheduleProblems(schedule)).toEqual([])
    expect(schedule.layers.map((l) => l.id)).toEqual(['fts-sydney', 'fts-berlin', 'fts-new-york'])
    expect(followTheSunExample.regions.map((r) => r.timeZone)).toEqual([
      'Australia/Sydney',
      'Europe/Berlin',
      'America/New_York',
    ])
  })

  it('has exactly one region on call at every instant from the start, through both DST changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * HOUR_MS }), (offset) => {
        const at = new Date(startAt.getTime() + offset)
        const holding = schedule.layers.filter((layer) => whoIsOnCall({ ...schedule, layers: [layer] }, at) !== null)
        expect(holding).toHaveLength(1)
      }),
      { numRuns: 300 },
    )
    const segments = renderSchedule(schedule, startAt, new Date(startAt.getTime() + 40 * 24 * HOUR_MS))
    expect(segments.every((s) => s.userId !== null)).toBe(true)
  })

  it('gives each region one 8-hour shift a day, in Sydney working hours during Sydney summer', () => {
    const day = renderSchedule(schedule, new Date('2026-03-03T22:00:00Z'), new Date('2026-03-04T22:00:00Z'))
    expect(day.map((s) => [s.userId, (s.endAt.getTime() - s.startAt.getTime()) / HOUR_MS])).toEqual([
      ['syd-1', 8],
      ['ber-1', 8],
      ['nyc-1', 8],
    ])
    expect(DateTime.fromJSDate(day[0]!.startAt, { zone: 'Australia/Sydney' }).toFormat('HH:mm')).toBe('09:00')
  })

  it('hands each region to its next person a week later at the window start', () => {
    const at = new Date('2026-03-10T23:00:00Z')
    expect(whoIsOnCall(schedule, at)?.userId).toBe('syd-2')
    expect(whoIsOnCall(schedule, new Date('2026-03-11T07:00:00Z'))?.userId).toBe('ber-2')
  })
})

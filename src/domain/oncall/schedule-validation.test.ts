import { describe, expect, it } from 'vitest'
import type { Schedule } from './schedule-types.js'
import { scheduleProblems } from './schedule-validation.js'

describe('schedule validation', () => {
  it('reports every problem at once with its path', () => {
    const bad: Schedule = {
      id: 's',
      timeZone: 'Mars/Olympus',
      layers: [
        {
          id: 'a',
          participants: ['ana'],
          shiftLength: { unit: 'hours', length: 0 },
          startAt: new Date('2026-01-01T00:00:00Z'),
          endAt: new Date('2025-01-01T00:00:00Z'),
          timeZone: 'Europe/Berlin',
          restrictions: [{ kind: 'weekly', startDay: 8 as 1, startTime: '9:00', endDay: 1, endTime: '17:00' }],
        },
        {
          id: 'a',
          participants: [],
          shiftLength: { unit: 'days', length: 1 },
          startAt: new Date('2026-01-01T00:00:00Z'),
          timeZone: 'Nowhere',
        },
      ],
      overrides: [
        { id: 'o', userId: 'ben', startAt: new Date('2026-01-02T00:00:00Z'), endAt: new Date('2026-01-01T00:00:00Z') },
      ],
    }
    expect(scheduleProblems(bad).map((p) => p.path)).toEqual([
      'timeZone',
      'layers',
      'layers.0.shiftLength.length',
      'layers.0.endAt',
      'layers.0.restrictions.0.startTime',
      'layers.0.restrictions.0.startDay',
      'layers.1.timeZone',
      'overrides.0.endAt',
    ])
  })
})

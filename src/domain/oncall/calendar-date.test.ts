import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { addDays, localInstant } from './calendar-date.js'
import { zoneFor } from './zone-cache.js'

const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']

describe('calendar dates and local instants', () => {
  it('steps days across month ends, year ends and the leap day', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 })
    expect(addDays({ year: 2028, month: 2, day: 29 }, 1)).toEqual({ year: 2028, month: 3, day: 1 })
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 })
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 })
  })

  it('agrees with luxon for every wall time that exists exactly once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }),
        (name, ts) => {
          const local = DateTime.fromMillis(ts, { zone: name }).startOf('minute')
          const instant = localInstant(local, { hour: local.hour, minute: local.minute }, zoneFor(name))
          const roundTrip = DateTime.fromMillis(instant, { zone: name })
          expect(roundTrip.toFormat('yyyy-MM-dd HH:mm')).toBe(local.toFormat('yyyy-MM-dd HH:mm'))
          // The earlier of two occurrences, so never later than the instant we started from.
          expect(instant).toBeLessThanOrEqual(local.toMillis())
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('takes the earlier 02:30 when Berlin clocks go back, and moves a skipped 02:30 forward', () => {
    const berlin = zoneFor('Europe/Berlin')
    expect(
      new Date(localInstant({ year: 2026, month: 10, day: 25 }, { hour: 2, minute: 30 }, berlin)).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z')
    expect(
      new Date(localInstant({ year: 2026, month: 3, day: 29 }, { hour: 2, minute: 30 }, berlin)).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z')
    const newYork = zoneFor('America/New_York')
    expect(
      new Date(localInstant({ year: 2026, month: 11, day: 1 }, { hour: 1, minute: 30 }, newYork)).toISOString(),
    ).toBe('2026-11-01T05:30:00.000Z')
  })
})

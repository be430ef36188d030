import fc from 'fast-check'
import { IANAZone } from 'luxon'
import { describe, expect, it } from 'vitest'
import { zoneFor } from './zone-cache.js'

const zones = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
]

describe('memoised zone offsets', () => {
  it('gives the same offset as luxon asking Intl directly, transition days included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }),
        (name, ts) => {
          const zone = zoneFor(name)
          expect(zone.type).toBe('iana')
          // Ask twice: the second answer comes from the cache when the day has no transition.
          expect(zone.offset(ts)).toBe(IANAZone.create(name).offset(ts))
          expect(zone.offset(ts)).toBe(IANAZone.create(name).offset(ts))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('is exact to the millisecond around the Berlin spring-forward instant', () => {
    const zone = zoneFor('Europe/Berlin') as IANAZone
    const change = Date.parse('2026-03-29T01:00:00Z')
    expect([zone.offset(change - 1), zone.offset(change), zone.offset(change - 1)]).toEqual([60, 120, 60])
  })

  it('leaves fixed zones to luxon', () => {
    expect(zoneFor('UTC').isUniversal).toBe(true)
    expect(zoneFor('UTC').offset(0)).toBe(0)
  })
})

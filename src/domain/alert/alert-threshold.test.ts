import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateThreshold, type AlertThreshold, type ThresholdSample } from './alert-threshold.js'

const now = new Date('2026-11-20T10:00:00Z')
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)
const sample = (
  dedupKey: string,
  ago: number,
  labels: Record<string, string> = { service: 'checkout' },
): ThresholdSample => ({ dedupKey, at: minutesAgo(ago), labels })

describe('alert thresholds', () => {
  const threeIn10: AlertThreshold = { minAlerts: 3, windowMinutes: 10 }

  it('is reached when three distinct alerts fire within ten minutes', () => {
    const r = evaluateThreshold(threeIn10, sample('c', 0), [sample('a', 9), sample('b', 4)], now)
    expect(r).toMatchObject({ isReached: true, count: 3, windowStartAt: minutesAgo(10), groupKey: '*' })
  })

  it('counts one alert re-firing as one', () => {
    expect(
      evaluateThreshold(threeIn10, sample('a', 0), [sample('a', 1), sample('a', 2), sample('b', 3)], now),
    ).toMatchObject({ isReached: false, count: 2 })
  })

  it('leaves out alerts older than the window, the edge included', () => {
    expect(evaluateThreshold(threeIn10, sample('c', 0), [sample('a', 10), sample('b', 11)], now).count).toBe(1)
  })

  it('counts only alerts of the same group when grouped by a label', () => {
    const perService: AlertThreshold = { minAlerts: 2, windowMinutes: 10, groupByLabel: 'service' }
    const r = evaluateThreshold(
      perService,
      sample('c', 0),
      [sample('a', 1, { service: 'search' }), sample('b', 1)],
      now,
    )
    expect(r).toMatchObject({ isReached: true, count: 2, groupKey: 'service=checkout' })
  })
})

describe('threshold properties', () => {
  const samples = fc.array(
    fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      ago: fc.integer({ min: -5, max: 40 }),
      svc: fc.constantFrom('x', 'y'),
    }),
    { maxLength: 40 },
  )
  const threshold = fc.record({
    minAlerts: fc.integer({ min: 1, max: 6 }),
    windowMinutes: fc.integer({ min: 1, max: 30 }),
    grouped: fc.boolean(),
  })
  const toSample = (s: { key: string; ago: number; svc: string }) => sample(s.key, s.ago, { service: s.svc })

  it('is reached exactly when distinct in-window keys of the group reach the minimum', () => {
    fc.assert(
      fc.property(threshold, samples, ({ minAlerts, windowMinutes, grouped }, raw) => {
        const t: AlertThreshold = grouped
          ? { minAlerts, windowMinutes, groupByLabel: 'service' }
          : { minAlerts, windowMinutes }
        const trigger = sample('trigger', 0, { service: 'x' })
        const r = evaluateThreshold(t, trigger, raw.map(toSample), now)
        const keys = new Set([
          'trigger',
          ...raw.filter((s) => s.ago >= 0 && s.ago < windowMinutes && (!grouped || s.svc === 'x')).map((s) => s.key),
        ])
        expect(r.count).toBe(keys.size)
        expect(r.isReached).toBe(keys.size >= minAlerts)
      }),
    )
  })

  it('does not depend on the order of events, and duplicates change nothing', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 1, max: 30 }), (raw, windowMinutes) => {
        const t = { minAlerts: 3, windowMinutes }
        const list = raw.map(toSample)
        const base = evaluateThreshold(t, sample('z', 0), list, now)
        expect(evaluateThreshold(t, sample('z', 0), [...list].reverse(), now)).toEqual(base)
        expect(evaluateThreshold(t, sample('z', 0), [...list, ...list], now)).toEqual(base)
      }),
    )
  })

  it('never counts fewer alerts when more events arrive', () => {
    fc.assert(
      fc.property(samples, samples, (a, b) => {
        const t = { minAlerts: 2, windowMinutes: 15 }
        const fewer = evaluateThreshold(t, sample('z', 0), a.map(toSample), now)
        const more = evaluateThreshold(t, sample('z', 0), [...a, ...b].map(toSample), now)
        expect(more.count).toBeGreaterThanOrEqual(fewer.count)
      }),
    )
  })
})

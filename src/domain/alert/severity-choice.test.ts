import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { alertSeverities } from './alert-severity.js'
import { chooseSeverity, severityChoiceProblems, type SeverityFromLabel } from './severity-choice.js'

const levels = [1, 2, 3, 4, 5]
const byTier: SeverityFromLabel = { from_label: 'tier', map: { gold: 5, silver: 3, '': 2 }, default: 1 }
const alert = (labels: Record<string, string>) => ({ severity: 'error' as const, labels })

describe('choosing the incident severity', () => {
  it("takes a fixed level as it is, and without a choice the alert's own severity suggests one", () => {
    expect(chooseSeverity(4, alert({ tier: 'gold' }))).toBe(4)
    expect(chooseSeverity(undefined, { severity: 'critical', labels: {} })).toBe(4)
    expect(chooseSeverity(undefined, { severity: 'info', labels: {} })).toBe(1)
  })

  it("reads the label's value through the map, any other value takes the default", () => {
    expect(chooseSeverity(byTier, alert({ tier: 'gold' }))).toBe(5)
    expect(chooseSeverity(byTier, alert({ tier: 'silver' }))).toBe(3)
    expect(chooseSeverity(byTier, alert({ tier: 'bronze' }))).toBe(1)
    expect(chooseSeverity(byTier, alert({ tier: 'Gold' }))).toBe(1)
  })

  it('reads a missing label as "", as conditions do, so the map can name it', () => {
    expect(chooseSeverity(byTier, alert({}))).toBe(2)
    expect(chooseSeverity({ ...byTier, map: { gold: 5 } }, alert({}))).toBe(1)
  })

  it("never reads Object.prototype: a label valued 'constructor' or '__proto__' takes the default", () => {
    for (const value of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(chooseSeverity(byTier, alert({ tier: value })), value).toBe(1)
    expect(chooseSeverity({ from_label: 'constructor', map: {}, default: 3 }, alert({}))).toBe(3)
  })

  it('gives the mapped level when the value is a key of the map, and the default otherwise (property)', () => {
    const labelValue = fc.oneof(fc.constantFrom('gold', 'silver', '', 'constructor', '__proto__'), fc.string())
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.integer({ min: 1, max: 5 })),
        fc.integer({ min: 1, max: 5 }),
        fc.option(labelValue, { nil: undefined }),
        fc.constantFrom(...alertSeverities),
        (map, fallback, value, severity) => {
          const choice = { from_label: 'tier', map, default: fallback }
          const labels: Record<string, string> = value === undefined ? {} : { tier: value }
          const level = chooseSeverity(choice, { severity, labels })
          const read = value ?? ''
          expect(level).toBe(Object.hasOwn(map, read) ? map[read] : fallback)
          expect([fallback, ...Object.values(map)]).toContain(level)
        },
      ),
    )
  })
})

describe('checking a severity choice against the scale', () => {
  it('accepts levels of the scale and names each one outside it', () => {
    expect(severityChoiceProblems(5, levels)).toEqual([])
    expect(severityChoiceProblems(6, levels)).toEqual([{ path: '', message: expect.stringContaining('1, 2, 3, 4, 5') }])
    expect(severityChoiceProblems(byTier, levels)).toEqual([])
    const problems = severityChoiceProblems({ from_label: ' ', map: { gold: 7, silver: 3, x: 0 }, default: 20 }, levels)
    expect(problems.map((p) => p.path)).toEqual(['from_label', 'map.gold', 'map.x', 'default'])
  })

  it('refuses more than 100 label values', () => {
    const map = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`v${i}`, 3]))
    expect(severityChoiceProblems({ from_label: 'tier', map, default: 3 }, levels).map((p) => p.path)).toEqual(['map'])
  })

  it('finds no problem exactly when every level it can give is on the scale (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 5 }), fc.integer({ min: -2, max: 8 }), { maxKeys: 10 }),
        fc.integer({ min: -2, max: 8 }),
        (map, fallback) => {
          const isValid = [fallback, ...Object.values(map)].every((l) => levels.includes(l))
          expect(severityChoiceProblems({ from_label: 'tier', map, default: fallback }, levels).length === 0).toBe(
            isValid,
          )
        },
      ),
    )
  })
})

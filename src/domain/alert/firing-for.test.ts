import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firingForDueAt, firingForProblems, firingForVerdict, hasFiredLongerThan } from './firing-for.js'

const since = new Date('2026-11-20T09:00:00Z')
const at = (minutes: number) => new Date(since.getTime() + minutes * 60_000)
const timer = { ruleId: 'r1', fireCount: 2, firingSinceAt: since }
const firing = { isResolved: false, fireCount: 2 }
const rule = (minutes: number) => ({ ruleId: 'r1', firingFor: { minutes } })

describe('firing for longer than N minutes', () => {
  it('holds only after N minutes have passed, not at exactly N', () => {
    expect(firingForDueAt({ minutes: 5 }, since)).toEqual(at(5))
    expect(hasFiredLongerThan({ minutes: 5 }, since, at(4))).toBe(false)
    expect(hasFiredLongerThan({ minutes: 5 }, since, at(5))).toBe(false)
    expect(hasFiredLongerThan({ minutes: 5 }, since, new Date(at(5).getTime() + 1))).toBe(true)
  })

  it('holds exactly when now is after the due time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_080 }),
        fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
        (minutes, offsetMs) => {
          const now = new Date(since.getTime() + offsetMs)
          expect(hasFiredLongerThan({ minutes }, since, now)).toBe(offsetMs > minutes * 60_000)
          expect(hasFiredLongerThan({ minutes }, since, now)).toBe(now > firingForDueAt({ minutes }, since))
        },
      ),
    )
  })

  it('takes whole minutes from 1 to a week', () => {
    expect(firingForProblems({ minutes: 1 })).toEqual([])
    expect(firingForProblems({ minutes: 10_080 })).toEqual([])
    for (const minutes of [0, -5, 1.5, 10_081])
      expect(
        firingForProblems({ minutes }).map((p) => p.path),
        String(minutes),
      ).toEqual(['minutes'])
  })
})

describe('what the timer does when it comes due', () => {
  it('opens when the same firing still goes on and the rule still asks for it', () => {
    expect(firingForVerdict(timer, firing, rule(5), at(6))).toEqual({ kind: 'open' })
  })

  it('opens nothing for an alert that resolved, or resolved and fired again since', () => {
    expect(firingForVerdict(timer, { isResolved: true, fireCount: 2 }, rule(5), at(6))).toEqual({
      kind: 'drop',
      reason: 'resolved',
    })
    expect(firingForVerdict(timer, { isResolved: false, fireCount: 3 }, rule(5), at(6))).toEqual({
      kind: 'drop',
      reason: 'fired_again',
    })
  })

  it('opens nothing when the rules no longer send the alert to this rule with firing_for', () => {
    const dropped = { kind: 'drop', reason: 'rule_changed' }
    expect(firingForVerdict(timer, firing, null, at(6))).toEqual(dropped)
    expect(firingForVerdict(timer, firing, { ruleId: 'r2', firingFor: { minutes: 5 } }, at(6))).toEqual(dropped)
    expect(firingForVerdict(timer, firing, { ruleId: 'r1', firingFor: null }, at(6))).toEqual(dropped)
  })

  it('waits longer when the rule now asks for more minutes', () => {
    expect(firingForVerdict(timer, firing, rule(30), at(6))).toEqual({ kind: 'wait', dueAt: at(30) })
  })

  it('opens exactly when the firing is unbroken and has lasted longer than N minutes (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('r1', 'r2'),
        fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
        fc.integer({ min: 0, max: 200 * 60_000 }),
        (isResolved, fireCount, ruleId, minutes, elapsedMs) => {
          const now = new Date(since.getTime() + elapsedMs)
          const ruleNow = { ruleId, firingFor: minutes === null ? null : { minutes } }
          const verdict = firingForVerdict(timer, { isResolved, fireCount }, ruleNow, now)
          const isSameFiring = !isResolved && fireCount === timer.fireCount
          const isAsked = ruleId === timer.ruleId && minutes !== null
          const isLongEnough = minutes !== null && elapsedMs > minutes * 60_000
          expect(verdict.kind === 'open').toBe(isSameFiring && isAsked && isLongEnough)
          if (verdict.kind === 'wait') expect(verdict.dueAt.getTime()).toBeGreaterThan(now.getTime() - 1)
        },
      ),
    )
  })
})

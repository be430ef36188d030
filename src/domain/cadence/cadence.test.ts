import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultSeverityScale } from '../incident/severity.js'
import {
  cadenceActionsDue,
  cadenceForSeverity,
  cadenceStatus,
  defaultCadencePolicy,
  nextCadenceCheckAt,
  nextUpdateDueAt,
  validateCadenceMinutes,
  type CadenceClock,
} from './cadence.js'

const t0 = new Date('2025-03-01T10:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
const clock: CadenceClock = {
  lastPublicUpdateAt: t0,
  cadenceMinutes: 30,
  remindedForDueAt: null,
  escalatedForDueAt: null,
}

describe('the update cadence', () => {
  it('defaults from the severity: the worst level every 30 minutes', () => {
    expect(cadenceForSeverity(defaultSeverityScale, 5)).toBe(30)
    expect(cadenceForSeverity(defaultSeverityScale, 9, 45)).toBe(45)
  })

  it('is due one cadence after the last public update', () => {
    expect(nextUpdateDueAt(t0, 30)).toEqual(at(30))
  })

  it('reminds five minutes before due, then escalates ten minutes after', () => {
    expect(cadenceActionsDue(clock, defaultCadencePolicy, at(24))).toEqual([])
    expect(cadenceActionsDue(clock, defaultCadencePolicy, at(25))).toEqual([{ kind: 'remind', dueAt: at(30) }])
    expect(cadenceActionsDue({ ...clock, remindedForDueAt: at(30) }, defaultCadencePolicy, at(31))).toEqual([])
    expect(cadenceActionsDue({ ...clock, remindedForDueAt: at(30) }, defaultCadencePolicy, at(40))).toEqual([
      { kind: 'escalate', dueAt: at(30) },
    ])
  })

  it('says where the promise stands', () => {
    expect([0, 26, 31, 41].map((m) => cadenceStatus(clock, defaultCadencePolicy, at(m)))).toEqual([
      'on_track',
      'due_soon',
      'overdue',
      'escalated',
    ])
  })

  it('starts a fresh cycle after a new public update', () => {
    const done = { ...clock, remindedForDueAt: at(30), escalatedForDueAt: at(30) }
    expect(nextCadenceCheckAt(done, defaultCadencePolicy)).toBeNull()
    expect(nextCadenceCheckAt({ ...done, lastPublicUpdateAt: at(45) }, defaultCadencePolicy)).toEqual(at(70))
  })

  it('accepts whole minutes up to a month', () => {
    expect(validateCadenceMinutes(3 * 24 * 60)).toBeNull()
    expect(validateCadenceMinutes(0)).not.toBeNull()
    expect(validateCadenceMinutes(1.5)).not.toBeNull()
    expect(validateCadenceMinutes(32 * 24 * 60)).not.toBeNull()
  })

  const arbClock = fc.record({
    cadence: fc.integer({ min: 1, max: 3 * 24 * 60 }),
    reminder: fc.integer({ min: 0, max: 600 }),
    escalate: fc.integer({ min: 0, max: 600 }),
  })

  it('orders reminder ≤ due ≤ escalation, all after the last update', () => {
    fc.assert(
      fc.property(arbClock, ({ cadence, reminder, escalate }) => {
        const policy = { reminderBeforeMinutes: reminder, escalateAfterMinutes: escalate }
        const c = { ...clock, cadenceMinutes: cadence }
        const firstCheck = nextCadenceCheckAt(c, policy)!
        const due = nextUpdateDueAt(c.lastPublicUpdateAt, cadence)
        expect(firstCheck.getTime()).toBeGreaterThanOrEqual(t0.getTime())
        expect(firstCheck.getTime()).toBeLessThanOrEqual(due.getTime())
        expect(due.getTime()).toBeGreaterThan(t0.getTime())
      }),
    )
  })

  it('reminds at most once and escalates exactly once per due time, however often a job looks', () => {
    fc.assert(
      fc.property(
        arbClock,
        fc.array(fc.integer({ min: 0, max: 5 * 24 * 60 }), { minLength: 1, maxLength: 40 }),
        ({ cadence, reminder, escalate }, looks) => {
          const policy = { reminderBeforeMinutes: reminder, escalateAfterMinutes: escalate }
          let c: CadenceClock = { ...clock, cadenceMinutes: cadence }
          const counts = { remind: 0, escalate: 0 }
          const sorted = [...looks].sort((a, b) => a - b)
          for (const m of sorted) {
            for (const action of cadenceActionsDue(c, policy, at(m))) {
              counts[action.kind]++
              c =
                action.kind === 'remind'
                  ? { ...c, remindedForDueAt: action.dueAt }
                  : { ...c, escalatedForDueAt: action.dueAt }
            }
          }
          expect(counts.remind).toBeLessThanOrEqual(1)
          expect(counts.escalate).toBe(sorted.at(-1)! >= cadence + escalate ? 1 : 0)
        },
      ),
    )
  })
})

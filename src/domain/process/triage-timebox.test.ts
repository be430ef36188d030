import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  defaultTriagePolicy,
  nextTriageCheckAt,
  triageActionsDue,
  validateTriagePolicy,
  wasDecidedInTime,
  type TriageClock,
} from './triage-timebox.js'

const t0 = new Date('2025-03-01T10:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
const fresh: TriageClock = { startedAt: t0, decidedAt: null, remindedAt: null, escalatedAt: null }

describe('the triage time-box', () => {
  it('owes nothing before the reminder time', () => {
    expect(triageActionsDue(fresh, defaultTriagePolicy, at(9))).toEqual([])
  })

  it('reminds at 10 minutes and escalates to the incident lead at 15', () => {
    expect(triageActionsDue(fresh, defaultTriagePolicy, at(10))).toEqual([{ kind: 'remind', dueAt: at(10) }])
    const reminded = { ...fresh, remindedAt: at(10) }
    expect(triageActionsDue(reminded, defaultTriagePolicy, at(12))).toEqual([])
    expect(triageActionsDue(reminded, defaultTriagePolicy, at(15))).toEqual([{ kind: 'escalate', dueAt: at(15) }])
    expect(triageActionsDue({ ...reminded, escalatedAt: at(15) }, defaultTriagePolicy, at(40))).toEqual([])
  })

  it('skips a reminder that would come after the deadline and only escalates', () => {
    expect(triageActionsDue(fresh, defaultTriagePolicy, at(20))).toEqual([{ kind: 'escalate', dueAt: at(15) }])
  })

  it('owes nothing once decided, and says whether it was decided in time', () => {
    expect(triageActionsDue({ ...fresh, decidedAt: at(3) }, defaultTriagePolicy, at(30))).toEqual([])
    expect(wasDecidedInTime({ ...fresh, decidedAt: at(15) }, defaultTriagePolicy)).toBe(true)
    expect(wasDecidedInTime({ ...fresh, decidedAt: at(16) }, defaultTriagePolicy)).toBe(false)
    expect(wasDecidedInTime(fresh, defaultTriagePolicy)).toBeNull()
  })

  it('tells a job when to look next', () => {
    expect(nextTriageCheckAt(fresh, defaultTriagePolicy)).toEqual(at(10))
    expect(nextTriageCheckAt({ ...fresh, remindedAt: at(10) }, defaultTriagePolicy)).toEqual(at(15))
    expect(nextTriageCheckAt({ ...fresh, escalatedAt: at(15) }, defaultTriagePolicy)).toBeNull()
  })

  it('rejects a reminder outside the window', () => {
    expect(validateTriagePolicy({ validationWindowMinutes: 15, reminderAfterMinutes: 15 })).toHaveLength(1)
    expect(validateTriagePolicy(defaultTriagePolicy)).toEqual([])
  })

  it('never reminds or escalates twice, however often a job looks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * 24 }), { maxLength: 30 }), (minutes) => {
        let clock = fresh
        let reminders = 0
        let escalations = 0
        for (const m of [...minutes].sort((a, b) => a - b)) {
          for (const action of triageActionsDue(clock, defaultTriagePolicy, at(m))) {
            if (action.kind === 'remind') reminders++, (clock = { ...clock, remindedAt: at(m) })
            else escalations++, (clock = { ...clock, escalatedAt: at(m) })
          }
        }
        expect(reminders).toBeLessThanOrEqual(1)
        expect(escalations).toBeLessThanOrEqual(1)
        if (minutes.some((m) => m >= 15)) expect(escalations).toBe(1)
      }),
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ContactTaskClock,
  contactDeadline,
  isOverdue,
  missingContactTasks,
  overdueAlertDueAt,
  tasksToRemind,
  tickContactTask,
} from './contact-task.js'

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 9, 0) + minutes * 60_000)
const task = (over: Partial<ContactTaskClock> = {}): ContactTaskClock => ({
  state: 'open',
  deadlineAt: at(30),
  overdueAlertedAt: null,
  ...over,
})
const customer = (id: string, notifyWithinMinutes: number) => ({
  id,
  name: id,
  notifyWithinMinutes,
  isAffectedByEveryIncident: true,
  componentIds: [],
})

describe('a contact task', () => {
  it('is due N minutes after the customer became affected', () => {
    expect(contactDeadline(at(0), 45)).toEqual(at(45))
  })

  it('is overdue from its deadline while open, never once done', () => {
    expect(isOverdue(task(), at(29))).toBe(false)
    expect(isOverdue(task(), at(30))).toBe(true)
    expect(isOverdue(task({ state: 'done' }), at(90))).toBe(false)
  })

  it('asks for its overdue alert at the deadline, and never again once alerted or done', () => {
    expect(overdueAlertDueAt(task())).toEqual(at(30))
    expect(overdueAlertDueAt(task({ overdueAlertedAt: at(31) }))).toBeNull()
    expect(overdueAlertDueAt(task({ state: 'done' }))).toBeNull()
  })

  it('is created once per affected customer that has none, with its own SLA', () => {
    const made = missingContactTasks([customer('a', 15), customer('b', 60)], new Set(['a']), at(5))
    expect(made).toEqual([{ keyCustomerId: 'b', deadlineAt: at(65) }])
  })

  it('reminds only of open tasks made before this moment', () => {
    const tasks = [
      { ...task(), createdAt: at(0), id: 'old' },
      { ...task(), createdAt: at(10), id: 'same instant' },
      { ...task({ state: 'done' }), createdAt: at(0), id: 'done' },
    ]
    expect(tasksToRemind(tasks, at(10)).map((t) => t.id)).toEqual(['old'])
  })
})

type Step = { kind: 'advance'; minutes: number } | { kind: 'done' } | { kind: 'reopen' } | { kind: 'tick' }
const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 40 }) }),
    fc.constant({ kind: 'done' as const }),
    fc.constant({ kind: 'reopen' as const }),
    fc.constant({ kind: 'tick' as const }),
  ),
  { maxLength: 40 },
)

describe('the overdue alert, for any sequence of clock moves, done, reopen and timer ticks', () => {
  it('goes at most once, never before the deadline, never for a done task, and at the first tick it is owed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), steps, (deadlineMinutes, sequence: Step[]) => {
        let now = at(0)
        let current = task({ deadlineAt: at(deadlineMinutes) })
        let alerts = 0
        for (const step of sequence) {
          if (step.kind === 'advance') now = new Date(now.getTime() + step.minutes * 60_000)
          else if (step.kind === 'done') current = { ...current, state: 'done' }
          else if (step.kind === 'reopen') current = { ...current, state: 'open' }
          else {
            const wasOwed = isOverdue(current, now) && current.overdueAlertedAt === null
            const ticked = tickContactTask(current, now)
            expect(ticked.shouldAlert).toBe(wasOwed)
            if (ticked.shouldAlert) {
              alerts++
              expect(current.state).toBe('open')
              expect(now.getTime()).toBeGreaterThanOrEqual(current.deadlineAt.getTime())
            }
            current = ticked.task
            // The stored due time agrees with the rule: nothing is owed before it.
            const dueAt = overdueAlertDueAt(current)
            if (dueAt) expect(tickContactTask(current, new Date(dueAt.getTime() - 1)).shouldAlert).toBe(false)
          }
        }
        expect(alerts).toBeLessThanOrEqual(1)
      }),
    )
  })
})

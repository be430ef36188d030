import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EscalationPolicy } from './escalation-policy.js'
import { escalationPolicyProblems } from './escalation-policy.js'
import { startEscalation, step, type EscalationEvent, type EscalationState, type NotifyAction } from './escalation.js'

const MINUTE_MS = 60_000
const policy: EscalationPolicy = {
  id: 'p',
  levels: [
    { targets: [{ kind: 'schedule', scheduleId: 'primary' }], ackTimeoutMinutes: 5 },
    {
      targets: [
        { kind: 'user', userId: 'lead' },
        { kind: 'schedule', scheduleId: 'secondary' },
      ],
      ackTimeoutMinutes: 10,
    },
  ],
  repeatCount: 1,
  fallbackTargets: [{ kind: 'user', userId: 'cto' }],
}

/** A fake clock: plain instants moved forward by hand, never a sleep. */
function clock(start = '2026-05-01T12:00:00Z') {
  let ms = Date.parse(start)
  return { now: () => new Date(ms), advance: (minutes: number) => (ms += minutes * MINUTE_MS) }
}

const notified = (actions: readonly { type: string }[]) =>
  actions
    .filter((a): a is NotifyAction => a.type === 'notify')
    .map((a) => (a.isFallback ? 'fallback' : `L${a.levelIndex + 1}r${a.round}`))

describe('escalation', () => {
  it('walks level 1, level 2, repeats once, then pages the fallback and stops', () => {
    const c = clock()
    let r = startEscalation(policy, c.now())
    const walk = [notified(r.actions)]
    expect(r.state.dueAt).toEqual(new Date(c.now().getTime() + 5 * MINUTE_MS))
    for (const minutes of [5, 10, 5, 10]) {
      c.advance(minutes)
      r = step(r.state, { type: 'timeout-due' }, c.now())
      walk.push(notified(r.actions))
    }
    expect(walk).toEqual([['L1r0'], ['L2r0'], ['L1r1'], ['L2r1'], ['fallback']])
    expect(r.state.isExhausted).toBe(true)
    expect(r.state.dueAt).toBeNull()
    expect(r.actions).toContainEqual({ type: 'exhausted' })
    expect(step(r.state, { type: 'timeout-due' }, c.now()).ignoredBecause).toBe('exhausted')
  })

  it('ignores a timeout that arrives before the level is due', () => {
    const c = clock()
    const r = startEscalation(policy, c.now())
    c.advance(4)
    expect(step(r.state, { type: 'timeout-due' }, c.now())).toEqual({
      state: r.state,
      actions: [],
      ignoredBecause: 'not-due',
    })
  })

  it('stops escalating once acknowledged, and drops notifications still waiting on a delay', () => {
    const c = clock()
    let r = startEscalation(policy, c.now())
    c.advance(2)
    r = step(r.state, { type: 'acknowledge', by: 'ana' }, c.now())
    expect(r.actions).toEqual([{ type: 'cancel-pending-notifications' }])
    expect(r.state).toMatchObject({
      status: 'acknowledged',
      dueAt: null,
      acknowledgedBy: 'ana',
      acknowledgedAt: c.now(),
    })
    c.advance(60)
    expect(step(r.state, { type: 'timeout-due' }, c.now()).actions).toEqual([])
    expect(step(r.state, { type: 'acknowledge', by: 'ben' }, c.now()).ignoredBecause).toBe('already-acknowledged')
  })

  it('moves to the next level at once on escalate-now, even after an acknowledgement', () => {
    const c = clock()
    let r = startEscalation(policy, c.now())
    r = step(r.state, { type: 'acknowledge', by: 'ana' }, c.now())
    c.advance(1)
    r = step(r.state, { type: 'escalate-now', by: 'ana' }, c.now())
    expect(notified(r.actions)).toEqual(['L2r0'])
    expect(r.actions[0]).toEqual({ type: 'cancel-pending-notifications' })
    expect(r.state).toMatchObject({
      status: 'triggered',
      levelIndex: 1,
      acknowledgedBy: null,
      dueAt: new Date(c.now().getTime() + 10 * MINUTE_MS),
    })
  })

  it('stops for good when resolved: every later event is ignored', () => {
    const c = clock()
    let r = startEscalation(policy, c.now())
    r = step(r.state, { type: 'resolve' }, c.now())
    expect(r.state).toMatchObject({ status: 'resolved', dueAt: null, resolvedAt: c.now() })
    for (const event of [
      { type: 'timeout-due' },
      { type: 'acknowledge', by: 'x' },
      { type: 'escalate-now' },
      { type: 'resolve' },
    ] as EscalationEvent[]) {
      expect(step(r.state, event, c.now())).toEqual({ state: r.state, actions: [], ignoredBecause: 'already-resolved' })
    }
  })

  it('ends without paging anyone more when the walk is over and there is no fallback', () => {
    const c = clock()
    const single: EscalationPolicy = { ...policy, levels: [policy.levels[0]!], repeatCount: 0, fallbackTargets: [] }
    let r = startEscalation(single, c.now())
    c.advance(5)
    r = step(r.state, { type: 'timeout-due' }, c.now())
    expect(r.actions).toEqual([{ type: 'exhausted' }])
    expect(r.state).toMatchObject({ status: 'triggered', isExhausted: true, dueAt: null })
  })

  it('keeps its invariants under any sequence of events and clock moves', () => {
    const event: fc.Arbitrary<EscalationEvent> = fc.oneof(
      fc.constant({ type: 'timeout-due' as const }),
      fc.constant({ type: 'acknowledge' as const, by: 'u' }),
      fc.constant({ type: 'escalate-now' as const }),
      fc.constant({ type: 'resolve' as const }),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), event), { maxLength: 30 }), (events) => {
        const c = clock()
        let state: EscalationState = startEscalation(policy, c.now()).state
        let pages = 1
        for (const [minutes, e] of events) {
          c.advance(minutes)
          const before = state
          const r = step(state, e, c.now())
          state = r.state
          pages += notified(r.actions).length
          if (before.status === 'resolved') expect(state).toBe(before)
          if (r.ignoredBecause) expect(r.actions).toEqual([])
          expect(state.dueAt === null).toBe(state.status !== 'triggered' || state.isExhausted)
          if (state.dueAt) expect(state.dueAt.getTime()).toBeGreaterThan(c.now().getTime())
          if (e.type === 'acknowledge' && before.status === 'triggered') expect(notified(r.actions)).toEqual([])
        }
        // Two levels, walked twice, then the fallback: never more than five pages.
        expect(pages).toBeLessThanOrEqual(5)
      }),
      { numRuns: 500 },
    )
  })

  it('reports every problem of a malformed policy', () => {
    const bad: EscalationPolicy = {
      id: 'b',
      levels: [{ targets: [], ackTimeoutMinutes: 0 }],
      repeatCount: -1,
      fallbackTargets: [],
    }
    expect(escalationPolicyProblems(bad).map((p) => p.path)).toEqual([
      'levels.0.targets',
      'levels.0.ackTimeoutMinutes',
      'repeatCount',
    ])
    expect(escalationPolicyProblems(policy)).toEqual([])
  })
})

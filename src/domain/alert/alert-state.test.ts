import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AlertAction } from './alert-event.js'
import { applyAlertEvent, type AlertState } from './alert-state.js'
import { defaultFlapPolicy, type FlapPolicy } from './flapping.js'
import { alertEvent } from './test-events.js'

const t0 = new Date('2026-11-20T09:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
const noFlap: FlapPolicy = { windowMinutes: 1, minChanges: 100 }

function run(actions: readonly AlertAction[], policy: FlapPolicy = noFlap, stepMinutes = 1) {
  let state: AlertState | null = null
  const changes: string[] = []
  actions.forEach((action, i) => {
    const applied = applyAlertEvent(state, alertEvent(action, 'k'), at(i * stepMinutes), policy)
    state = applied.state
    changes.push(applied.change)
  })
  return { state: state as AlertState | null, changes }
}

describe('alert deduplication', () => {
  it('opens one alert on the first trigger and updates it on duplicates', () => {
    const { state, changes } = run(['trigger', 'trigger', 'trigger'])
    expect(changes).toEqual(['opened', 'updated', 'updated'])
    expect(state).toMatchObject({
      status: 'firing',
      eventCount: 3,
      fireCount: 1,
      firstSeenAt: at(0),
      lastSeenAt: at(2),
    })
  })

  it('closes the alert on resolve and reopens the same alert when it fires again', () => {
    const { state, changes } = run(['trigger', 'resolve', 'trigger'])
    expect(changes).toEqual(['opened', 'resolved', 'reopened'])
    expect(state).toMatchObject({ status: 'firing', fireCount: 2, resolvedAt: null, firstSeenAt: at(0) })
  })

  it('drops an acknowledge or resolve for an alert that is not open, as PagerDuty does', () => {
    expect(run(['resolve', 'acknowledge']).changes).toEqual(['dropped', 'dropped'])
    expect(run(['resolve']).state).toBeNull()
    const { state, changes } = run(['trigger', 'resolve', 'resolve', 'acknowledge'])
    expect(changes).toEqual(['opened', 'resolved', 'dropped', 'dropped'])
    expect(state?.eventCount).toBe(2)
  })

  it('keeps an acknowledged alert acknowledged when duplicates arrive, and does not route them', () => {
    let state = applyAlertEvent(null, alertEvent('trigger', 'k'), at(0), noFlap).state
    state = applyAlertEvent(state, alertEvent('acknowledge', 'k'), at(1), noFlap).state
    const dup = applyAlertEvent(state, alertEvent('trigger', 'k', { severity: 'critical' }), at(2), noFlap)
    expect(dup.state).toMatchObject({ status: 'acknowledged', acknowledgedAt: at(1), severity: 'critical' })
    expect(dup.isEscalated).toBe(true)
    expect(dup.shouldRoute).toBe(false)
  })

  it('routes a firing alert again when its severity rises, but not for a plain duplicate', () => {
    const first = applyAlertEvent(null, alertEvent('trigger', 'k', { severity: 'warning' }), at(0), noFlap)
    expect(first.shouldRoute).toBe(true)
    const same = applyAlertEvent(first.state, alertEvent('trigger', 'k', { severity: 'warning' }), at(1), noFlap)
    expect(same.shouldRoute).toBe(false)
    const worse = applyAlertEvent(same.state, alertEvent('trigger', 'k', { severity: 'critical' }), at(2), noFlap)
    expect(worse).toMatchObject({ change: 'updated', isEscalated: true, shouldRoute: true })
  })

  it('keeps the trigger text when a follow-up event carries none', () => {
    const opened = applyAlertEvent(
      null,
      alertEvent('trigger', 'k', { summary: 'Disk full', labels: { host: 'db1' } }),
      at(0),
      noFlap,
    )
    const resolved = applyAlertEvent(opened.state, alertEvent('resolve', 'k'), at(1), noFlap)
    expect(resolved.state).toMatchObject({ summary: 'Disk full', labels: { host: 'db1' }, resolvedAt: at(1) })
  })
})

describe('flapping', () => {
  const policy: FlapPolicy = { windowMinutes: 10, minChanges: 4 }

  it('recognises an alert that changes state four times within ten minutes', () => {
    const applied: ReturnType<typeof applyAlertEvent>[] = []
    let state: AlertState | null = null
    for (const [i, action] of (['trigger', 'resolve', 'trigger', 'resolve', 'trigger'] as const).entries()) {
      const a = applyAlertEvent(state, alertEvent(action, 'k'), at(i * 2), policy)
      applied.push(a)
      state = a.state
    }
    expect(applied.map((a) => a.state?.isFlapping)).toEqual([false, false, false, false, true])
    expect(applied[4]).toMatchObject({ change: 'reopened', startedFlapping: true, shouldRoute: false })
  })

  it('does not call slow changes flapping', () => {
    const { state } = run(['trigger', 'resolve', 'trigger', 'resolve', 'trigger', 'resolve'], policy, 5)
    expect(state?.isFlapping).toBe(false)
  })

  it('stops flapping once the changes have left the window', () => {
    const { state } = run(['trigger', 'resolve', 'trigger', 'resolve', 'trigger'], policy, 1)
    expect(state?.isFlapping).toBe(true)
    const later = applyAlertEvent(state, alertEvent('resolve', 'k'), at(60), policy)
    expect(later.state?.isFlapping).toBe(false)
    expect(later.state?.stateChangeTimes).toEqual([at(60)])
  })
})

describe('deduplication properties', () => {
  const action = fc.constantFrom<AlertAction>('trigger', 'acknowledge', 'resolve')
  const events = fc.array(
    fc.record({ key: fc.constantFrom('a', 'b', 'c'), action, gapSeconds: fc.integer({ min: 0, max: 600 }) }),
    { maxLength: 60 },
  )

  it('matches a simple model: one alert per key, open exactly when its last effective event was a trigger', () => {
    fc.assert(
      fc.property(events, (seq) => {
        const states = new Map<string, AlertState | null>()
        const model = new Map<string, { open: boolean; fires: number; applied: number }>()
        let now = t0.getTime()
        for (const e of seq) {
          now += e.gapSeconds * 1000
          const applied = applyAlertEvent(
            states.get(e.key) ?? null,
            alertEvent(e.action, e.key),
            new Date(now),
            defaultFlapPolicy,
          )
          states.set(e.key, applied.state)
          const m = model.get(e.key) ?? { open: false, fires: 0, applied: 0 }
          if (e.action === 'trigger')
            model.set(e.key, { open: true, fires: m.fires + (m.open ? 0 : 1), applied: m.applied + 1 })
          else if (m.open) model.set(e.key, { open: e.action !== 'resolve', fires: m.fires, applied: m.applied + 1 })
          else expect(applied.change).toBe('dropped')
        }
        for (const [key, m] of model) {
          const s = states.get(key)
          if (m.applied === 0) {
            expect(s ?? null).toBeNull()
            continue
          }
          expect(s?.status !== 'resolved').toBe(m.open)
          expect(s?.fireCount).toBe(m.fires)
          expect(s?.eventCount).toBe(m.applied)
          expect(s!.firstSeenAt.getTime()).toBeLessThanOrEqual(s!.lastSeenAt.getTime())
        }
      }),
    )
  })

  it('routes at most once per firing period when nothing escalates', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let state: AlertState | null = null
        let routes = 0
        for (const [i, a] of actions.entries()) {
          const applied = applyAlertEvent(state, alertEvent(a, 'k'), at(i * 60), noFlap)
          if (applied.shouldRoute) routes++
          state = applied.state
        }
        expect(routes).toBe(state?.fireCount ?? 0)
      }),
    )
  })

  it('never keeps more change times than the policy needs, all inside the window', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), fc.integer({ min: 2, max: 6 }), (actions, minChanges) => {
        const policy = { windowMinutes: 15, minChanges }
        let state: AlertState | null = null
        for (const [i, a] of actions.entries()) {
          state = applyAlertEvent(state, alertEvent(a, 'k'), at(i), policy).state
          if (!state) continue
          expect(state.stateChangeTimes.length).toBeLessThanOrEqual(minChanges)
          for (const t of state.stateChangeTimes) expect(at(i).getTime() - t.getTime()).toBeLessThan(15 * 60_000)
        }
      }),
    )
  })

  it('keeps the latest time an event was seen, even when events arrive out of order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(action, fc.integer({ min: -120, max: 120 })), { minLength: 1, maxLength: 40 }),
        (seq) => {
          let state: AlertState | null = null
          let latest = -Infinity
          for (const [a, minute] of seq) {
            const applied = applyAlertEvent(state, alertEvent(a, 'k'), at(minute), noFlap)
            if (applied.change !== 'dropped') latest = Math.max(latest, minute)
            state = applied.state
            if (state) expect(state.lastSeenAt.getTime()).toBe(at(latest).getTime())
          }
        },
      ),
    )
  })
})

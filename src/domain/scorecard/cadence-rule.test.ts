import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TimelineEntry } from '../process/timeline.js'
import { ev, ruleOn } from './scorecard-test-kit.js'

/** Declared at 1, acknowledged at 2, then an update after each wait; resolved with the all-clear after the last. */
function withWaits(waits: readonly number[], extra: TimelineEntry[] = []): TimelineEntry[] {
  const timeline = [ev.opened(0), ev.status(1, 'triage', 'declared'), ev.status(2, 'declared', 'investigating')]
  timeline.push(ev.message(2, 'acknowledgement', 'investigating'))
  let minute = 2
  waits.forEach((wait, i) => {
    minute += wait
    if (i === waits.length - 1) timeline.push(ev.status(minute, 'investigating', 'resolved'))
    timeline.push(ev.message(minute, i === waits.length - 1 ? 'all_clear' : 'update', 'investigating'))
  })
  return [...timeline, ...extra]
}

const cadenceOf = (timeline: TimelineEntry[], now = 100_000) =>
  ruleOn('communications_lead.cadence_kept', timeline, { status: 'resolved', now })

describe('cadence kept: changes of cadence', () => {
  it('judges each wait by the cadence promised when it started (severe: 30 minutes)', () => {
    expect(cadenceOf(withWaits([30, 30])).status).toBe('met')
    const severe = withWaits([30, 30]).map((e) => (e.type === 'incident_opened' ? { ...e, severity: 5 } : e))
    expect(cadenceOf(severe).status).toBe('met')
    const late = withWaits([31]).map((e) => (e.type === 'incident_opened' ? { ...e, severity: 5 } : e))
    expect(cadenceOf(late).status).toBe('missed')
  })

  it('follows an announced change: the new cadence runs from its own message', () => {
    const timeline = [
      ev.opened(0),
      ev.status(1, 'triage', 'declared'),
      ev.status(2, 'declared', 'investigating'),
      ev.message(2, 'acknowledgement', 'investigating'),
      ev.cadence(50, 60, 240),
      ev.message(50, 'cadence_change', 'investigating'),
      ev.message(280, 'update', 'investigating'),
    ]
    expect(cadenceOf(timeline, 300)).toMatchObject({ status: 'open' })
    expect(cadenceOf(timeline, 600).status).toBe('missed')
  })

  it('shortens the wait already running when the cadence tightens without a message', () => {
    const timeline = [
      ev.opened(0),
      ev.status(1, 'triage', 'declared'),
      ev.status(2, 'declared', 'investigating'),
      ev.message(2, 'acknowledgement', 'investigating'),
      ev.cadence(10, 60, 20),
      ev.message(40, 'update', 'investigating'),
    ]
    expect(cadenceOf(timeline, 41).status).toBe('missed')
  })

  it('stops counting while the incident is not active (resolved, then re-opened)', () => {
    const timeline = [
      ...withWaits([50]),
      ev.status(600, 'resolved', 'investigating'),
      ev.message(610, 'update', 'investigating'),
      ev.status(640, 'investigating', 'resolved'),
      ev.message(640, 'all_clear', 'resolved'),
    ]
    expect(cadenceOf(timeline).status).toBe('met')
  })

  it('does not apply when nothing was published while the incident was active', () => {
    expect(cadenceOf([ev.opened(0), ev.status(5, 'triage', 'stood_down')]).status).toBe('not_applicable')
  })

  it('is missed when the wait still running is already overdue', () => {
    const running = withWaits([]).concat(ev.message(30, 'update', 'investigating'))
    const result = ruleOn('communications_lead.cadence_kept', running, { status: 'investigating', now: 95 })
    expect(result.status).toBe('missed')
    expect(result.detail).toContain('the latest is overdue now')
    expect(ruleOn('communications_lead.cadence_kept', running, { status: 'investigating', now: 89 }).status).toBe(
      'open',
    )
  })
})

const waits = fc.array(fc.integer({ min: 1, max: 180 }), { minLength: 1, maxLength: 12 })

describe('cadence kept: properties', () => {
  it('is met exactly when no wait is longer than the cadence (60 minutes for serious)', () => {
    fc.assert(
      fc.property(waits, (ws) => {
        const status = cadenceOf(withWaits(ws)).status
        expect(status).toBe(ws.every((w) => w <= 60) ? 'met' : 'missed')
      }),
    )
  })

  it('never turns from met to missed because of one more update in between', () => {
    fc.assert(
      fc.property(waits, fc.nat(), fc.nat(), (ws, pick, offset) => {
        const timeline = withWaits(ws)
        const before = cadenceOf(timeline).status
        const total = 2 + ws.reduce((a, b) => a + b, 0)
        const extraAt = 2 + (offset % Math.max(1, total - 2))
        const extra = ev.message(extraAt, pick % 2 ? 'update' : 'scope', 'investigating')
        const after = cadenceOf([...timeline, extra]).status
        if (before === 'met') expect(after).toBe('met')
      }),
    )
  })

  it('a looser promise never turns a kept cadence into a missed one (lower severity, longer cadence)', () => {
    fc.assert(
      fc.property(waits, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (ws, a, b) => {
        const [looser, tighter] = a <= b ? [a, b] : [b, a]
        const at = (severity: number) =>
          cadenceOf(withWaits(ws).map((e) => (e.type === 'incident_opened' ? { ...e, severity } : e))).status
        if (at(tighter) === 'met') expect(at(looser)).toBe('met')
      }),
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { componentStatuses, worstComponentStatus, type ComponentStatus } from './component-status.js'
import { impacts } from '../incident/impact.js'
import { computeUptime, type IncidentWindow, type StatusChange } from './uptime.js'

const now = new Date('2026-11-20T12:00:00Z')
const at = (iso: string) => new Date(iso)
const dayMs = 86_400_000
const windowStartMs = Date.parse('2026-08-23T00:00:00Z')

const instant = fc.integer({ min: windowStartMs - 5 * dayMs, max: now.getTime() }).map((ms) => new Date(ms))
const status = fc.constantFrom(...componentStatuses)
const change = fc.record({ at: instant, status })
const incident = fc
  .record({
    startAt: instant,
    length: fc.option(fc.integer({ min: 0, max: 10 * dayMs })),
    impact: fc.constantFrom(...impacts),
  })
  .map(
    ({ startAt, length, impact }): IncidentWindow => ({
      startAt,
      endAt: length === null ? null : new Date(startAt.getTime() + length),
      impact,
    }),
  )
const history = fc.record({
  initialStatus: status,
  changes: fc.array(change, { maxLength: 30 }),
  incidents: fc.array(incident, { maxLength: 6 }),
})

/** The status a reader would have seen at one instant, computed the slow obvious way. */
function effectiveAt(
  t: number,
  initial: ComponentStatus,
  changes: StatusChange[],
  incidents: IncidentWindow[],
): ComponentStatus {
  const before = changes.filter((c) => c.at.getTime() <= t).sort((a, b) => a.at.getTime() - b.at.getTime())
  const own = before.at(-1)?.status ?? initial
  const fromIncidents = incidents
    .filter((w) => w.startAt.getTime() <= t && (w.endAt === null || w.endAt.getTime() > t))
    .map(
      (w) =>
        ({ none: 'operational', minor: 'degraded_performance', major: 'partial_outage', critical: 'major_outage' })[
          w.impact
        ] as ComponentStatus,
    )
  return worstComponentStatus([own, ...fromIncidents])
}

describe('computeUptime', () => {
  it('gives 90 consecutive UTC days ending today', () => {
    const { days } = computeUptime({ now, initialStatus: 'operational', changes: [], incidents: [] })
    expect(days).toHaveLength(90)
    expect(days[0]!.date).toBe('2026-08-23')
    expect(days.at(-1)!.date).toBe('2026-11-20')
    for (let i = 1; i < days.length; i++) expect(Date.parse(days[i]!.date) - Date.parse(days[i - 1]!.date)).toBe(dayMs)
  })

  it('reports 100 % for a component that never left operational', () => {
    const uptime = computeUptime({ now, initialStatus: 'operational', changes: [], incidents: [] })
    expect(uptime.percent).toBe(100)
    expect(uptime.days.every((d) => d.worst === 'operational')).toBe(true)
  })

  it('counts a two-hour major outage against that day only, and marks the day', () => {
    const uptime = computeUptime({
      now,
      initialStatus: 'operational',
      changes: [
        { at: at('2026-11-18T10:00:00Z'), status: 'major_outage' },
        { at: at('2026-11-18T12:00:00Z'), status: 'operational' },
      ],
      incidents: [],
    })
    const day = uptime.days.find((d) => d.date === '2026-11-18')!
    expect(day.worst).toBe('major_outage')
    expect(day.majorOutageMs).toBe(2 * 3_600_000)
    expect(day.percent).toBeCloseTo((100 * 22) / 24, 6)
    expect(uptime.days.find((d) => d.date === '2026-11-19')!.worst).toBe('operational')
  })

  it('weighs partial outages at 30 % and does not count maintenance as downtime', () => {
    const uptime = computeUptime({
      now,
      initialStatus: 'operational',
      changes: [
        { at: at('2026-11-17T00:00:00Z'), status: 'partial_outage' },
        { at: at('2026-11-17T10:00:00Z'), status: 'under_maintenance' },
        { at: at('2026-11-17T20:00:00Z'), status: 'operational' },
      ],
      incidents: [],
    })
    const day = uptime.days.find((d) => d.date === '2026-11-17')!
    expect(day.percent).toBeCloseTo(100 * (1 - (0.3 * 10) / 24), 6)
    expect(day.maintenanceMs).toBe(10 * 3_600_000)
  })

  it('splits an outage that crosses midnight between the two days', () => {
    const uptime = computeUptime({
      now,
      initialStatus: 'operational',
      changes: [
        { at: at('2026-11-15T23:00:00Z'), status: 'major_outage' },
        { at: at('2026-11-16T01:00:00Z'), status: 'operational' },
      ],
      incidents: [],
    })
    expect(uptime.days.find((d) => d.date === '2026-11-15')!.majorOutageMs).toBe(3_600_000)
    expect(uptime.days.find((d) => d.date === '2026-11-16')!.majorOutageMs).toBe(3_600_000)
  })

  it('lets an open incident mark the component even when its own status was not changed', () => {
    const uptime = computeUptime({
      now,
      initialStatus: 'operational',
      changes: [],
      incidents: [{ startAt: at('2026-11-20T11:00:00Z'), endAt: null, impact: 'critical' }],
    })
    const today = uptime.days.at(-1)!
    expect(today.worst).toBe('major_outage')
    expect(today.majorOutageMs).toBe(3_600_000)
  })

  it('shows no data before the component existed and counts only the time since', () => {
    const uptime = computeUptime({
      now,
      initialStatus: 'operational',
      changes: [],
      incidents: [],
      since: at('2026-11-19T00:00:00Z'),
    })
    expect(uptime.days.filter((d) => d.worst !== null).map((d) => d.date)).toEqual(['2026-11-19', '2026-11-20'])
    expect(uptime.days[0]!.percent).toBeNull()
  })

  it('observes exactly the time from the window start (or since) until now', () => {
    fc.assert(
      fc.property(history, fc.option(instant), (h, since) => {
        const uptime = computeUptime({ now, ...h, since })
        const start = Math.max(windowStartMs, since?.getTime() ?? windowStartMs)
        const observed = uptime.days.reduce((sum, d) => sum + d.observedMs, 0)
        expect(observed).toBe(Math.max(0, now.getTime() - start))
        for (const d of uptime.days) {
          expect(d.majorOutageMs + d.partialOutageMs + d.degradedMs + d.maintenanceMs).toBeLessThanOrEqual(d.observedMs)
          expect(d.observedMs).toBeLessThanOrEqual(dayMs)
        }
      }),
    )
  })

  it('keeps every percentage between 0 and 100', () => {
    fc.assert(
      fc.property(history, (h) => {
        const uptime = computeUptime({ now, ...h })
        for (const p of [uptime.percent, ...uptime.days.map((d) => d.percent)]) {
          if (p !== null) expect(p >= 0 && p <= 100).toBe(true)
        }
      }),
    )
  })

  it('never shows a day better than what a reader saw at any moment of it', () => {
    const rank = (s: ComponentStatus) => componentStatuses.indexOf(s)
    fc.assert(
      fc.property(history, fc.integer({ min: windowStartMs, max: now.getTime() - 1 }), (h, t) => {
        const uptime = computeUptime({ now, ...h })
        const day = uptime.days[Math.floor((t - windowStartMs) / dayMs)]!
        const seen = effectiveAt(t, h.initialStatus, h.changes, h.incidents)
        expect(worstComponentStatus([day.worst!, seen])).toBe(day.worst)
        expect(rank(day.worst!)).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('never raises uptime when another incident is added', () => {
    fc.assert(
      fc.property(history, incident, (h, extra) => {
        const before = computeUptime({ now, ...h }).percent!
        const after = computeUptime({ now, ...h, incidents: [...h.incidents, extra] }).percent!
        expect(after).toBeLessThanOrEqual(before + 1e-9)
      }),
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { impacts, type Impact } from '../incident/impact.js'
import { componentStatuses } from './component-status.js'
import { compareIndicator, indicatorDescriptions, indicatorForComponent, pageIndicator } from './page-indicator.js'

const statusArb = fc.constantFrom(...componentStatuses)
const impactArb = fc.constantFrom(...impacts)
const inputArb = fc.record({
  componentStatuses: fc.array(statusArb, { maxLength: 20 }),
  openIncidentImpacts: fc.array(impactArb, { maxLength: 5 }),
  hasActiveMaintenance: fc.boolean(),
})

describe('pageIndicator', () => {
  it('is none when every component is operational and nothing is open', () => {
    expect(
      pageIndicator({
        componentStatuses: ['operational', 'operational'],
        openIncidentImpacts: [],
        hasActiveMaintenance: false,
      }),
    ).toBe('none')
    expect(indicatorDescriptions.none).toBe('All Systems Operational')
  })

  it('maps component statuses as Statuspage does', () => {
    const one = (s: (typeof componentStatuses)[number]) =>
      pageIndicator({ componentStatuses: [s], openIncidentImpacts: [], hasActiveMaintenance: false })
    expect(one('degraded_performance')).toBe('minor')
    expect(one('partial_outage')).toBe('major')
    expect(one('major_outage')).toBe('critical')
    expect(one('under_maintenance')).toBe('maintenance')
    expect(indicatorDescriptions.major).toBe('Partial System Outage')
  })

  it('lets a real problem outrank maintenance', () => {
    expect(
      pageIndicator({
        componentStatuses: ['under_maintenance', 'degraded_performance'],
        openIncidentImpacts: [],
        hasActiveMaintenance: true,
      }),
    ).toBe('minor')
    expect(
      pageIndicator({ componentStatuses: ['operational'], openIncidentImpacts: ['none'], hasActiveMaintenance: true }),
    ).toBe('maintenance')
  })

  it('is never better than any single component or open incident says', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = pageIndicator(input)
        for (const s of input.componentStatuses)
          expect(compareIndicator(result, indicatorForComponent(s))).toBeGreaterThanOrEqual(0)
        for (const i of input.openIncidentImpacts) expect(compareIndicator(result, i)).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('is exactly the worst signal: it equals one of its inputs or the default', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = pageIndicator(input)
        const candidates = [
          input.hasActiveMaintenance ? 'maintenance' : 'none',
          ...input.componentStatuses.map(indicatorForComponent),
          ...input.openIncidentImpacts,
        ]
        expect(candidates).toContain(result)
      }),
    )
  })

  it('does not depend on the order of components or incidents', () => {
    fc.assert(
      fc.property(inputArb, fc.func(fc.integer()), (input, key) => {
        const shuffled = {
          ...input,
          componentStatuses: [...input.componentStatuses].sort((a, b) => key(a) - key(b)),
          openIncidentImpacts: [...input.openIncidentImpacts].reverse() as Impact[],
        }
        expect(pageIndicator(shuffled)).toBe(pageIndicator(input))
      }),
    )
  })

  it('only gets worse when a component degrades further', () => {
    fc.assert(
      fc.property(inputArb, statusArb, (input, extra) => {
        const worse = pageIndicator({ ...input, componentStatuses: [...input.componentStatuses, extra] })
        expect(compareIndicator(worse, pageIndicator(input))).toBeGreaterThanOrEqual(0)
      }),
    )
  })
})

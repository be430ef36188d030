import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { componentStatuses, type ComponentStatus } from '../component/component-status.js'
import { compareIndicator, pageIndicator } from '../component/page-indicator.js'
import { impacts } from './impact.js'
import { shownImpact } from './shown-impact.js'

const statusArb = fc.constantFrom(...componentStatuses)
const impactArb = fc.constantFrom(...impacts)

/** A page: its components' statuses now, and open incidents each affecting some of them. */
const pageArb = fc.array(statusArb, { minLength: 1, maxLength: 8 }).chain((statuses) =>
  fc.record({
    statuses: fc.constant(statuses),
    hasActiveMaintenance: fc.boolean(),
    incidents: fc.array(
      fc.record({
        componentIndexes: fc.uniqueArray(fc.nat({ max: statuses.length - 1 }), { maxLength: statuses.length }),
        recordedStatuses: fc.array(statusArb, { maxLength: 4 }),
        chosen: fc.option(impactArb, { nil: null }),
      }),
      { maxLength: 4 },
    ),
  }),
)

describe('shownImpact', () => {
  it('follows the components: a severe incident whose one component is partly out shows a partial outage', () => {
    const evidence = { chosen: null, isOpen: true, recordedStatuses: [] }
    expect(shownImpact({ ...evidence, currentStatuses: ['partial_outage'] })).toBe('major')
    expect(shownImpact({ ...evidence, currentStatuses: ['degraded_performance', 'under_maintenance'] })).toBe('minor')
    expect(shownImpact({ ...evidence, currentStatuses: [] })).toBe('none')
  })

  it('keeps the worst the components were once the incident is over', () => {
    const over = { chosen: null, isOpen: false, currentStatuses: ['operational'] as ComponentStatus[] }
    expect(shownImpact({ ...over, recordedStatuses: ['major_outage', 'operational'] })).toBe('critical')
  })

  it('shows the impact a communicator chose, whatever the components say', () => {
    fc.assert(
      fc.property(
        impactArb,
        fc.boolean(),
        fc.array(statusArb),
        fc.array(statusArb),
        (chosen, isOpen, now, recorded) => {
          expect(shownImpact({ chosen, isOpen, currentStatuses: now, recordedStatuses: recorded })).toBe(chosen)
        },
      ),
    )
  })

  it('never lifts the page indicator above what the components say when no impact was chosen', () => {
    fc.assert(
      fc.property(pageArb, ({ statuses, hasActiveMaintenance, incidents }) => {
        const fromComponents = pageIndicator({
          componentStatuses: statuses,
          openIncidentImpacts: [],
          hasActiveMaintenance,
        })
        const shown = pageIndicator({
          componentStatuses: statuses,
          hasActiveMaintenance,
          openIncidentImpacts: incidents.map((i) =>
            shownImpact({
              chosen: null,
              isOpen: true,
              currentStatuses: i.componentIndexes.map((k) => statuses[k]!),
              recordedStatuses: i.recordedStatuses,
            }),
          ),
        })
        expect(shown).toBe(fromComponents)
      }),
    )
  })

  it('lifts it no higher than the worst chosen impact when some were chosen', () => {
    fc.assert(
      fc.property(pageArb, ({ statuses, hasActiveMaintenance, incidents }) => {
        const open = incidents.map((i) =>
          shownImpact({
            chosen: i.chosen,
            isOpen: true,
            currentStatuses: i.componentIndexes.map((k) => statuses[k]!),
            recordedStatuses: i.recordedStatuses,
          }),
        )
        const shown = pageIndicator({ componentStatuses: statuses, openIncidentImpacts: open, hasActiveMaintenance })
        const bound = pageIndicator({
          componentStatuses: statuses,
          openIncidentImpacts: incidents.flatMap((i) => (i.chosen ? [i.chosen] : [])),
          hasActiveMaintenance,
        })
        expect(compareIndicator(shown, bound)).toBeLessThanOrEqual(0)
      }),
    )
  })
})

import { describe, expect, it } from 'vitest'
import {
  describeScopeAnswer,
  isScopeChecklistComplete,
  missingScopeItems,
  type ScopeChecklist,
} from './scope-checklist.js'

const complete: ScopeChecklist = {
  startedAt: { kind: 'at', at: new Date('2025-03-01T09:55:00Z') },
  expectedDuration: { kind: 'unknown' },
  affected: { kind: 'some', regions: ['EU'], plans: [], components: [], features: ['checkout'] },
  workaround: { kind: 'none' },
}

describe('the information checklist before the scope message', () => {
  it('lists all four questions when nothing is answered', () => {
    expect(missingScopeItems({}).map((m) => m.item)).toEqual([
      'startedAt',
      'expectedDuration',
      'affected',
      'workaround',
    ])
  })

  it('accepts an explicit "unknown" for every item', () => {
    const unknowns: ScopeChecklist = {
      startedAt: { kind: 'unknown' },
      expectedDuration: { kind: 'unknown' },
      affected: { kind: 'unknown' },
      workaround: { kind: 'unknown' },
    }
    expect(isScopeChecklistComplete(unknowns)).toBe(true)
  })

  it('is complete with a time, unknown duration, some affected and no workaround', () => {
    expect(missingScopeItems(complete)).toEqual([])
  })

  it('refuses "some customers" that names nobody, and an empty workaround', () => {
    const missing = missingScopeItems({
      ...complete,
      affected: { kind: 'some', regions: [' '], plans: [], components: [], features: [] },
      workaround: { kind: 'described', text: '  ' },
    })
    expect(missing.map((m) => m.item)).toEqual(['affected', 'workaround'])
    expect(missing[0]?.message).toContain('region, plan, component or feature')
  })

  it('refuses a duration that is not positive', () => {
    expect(
      missingScopeItems({ ...complete, expectedDuration: { kind: 'minutes', minutes: 0 } }).map((m) => m.item),
    ).toEqual(['expectedDuration'])
  })

  it('describes answers in words for the timeline', () => {
    expect(describeScopeAnswer('affected', complete.affected!)).toBe('regions: EU; features: checkout')
    expect(describeScopeAnswer('expectedDuration', { kind: 'unknown' })).toBe('unknown yet')
    expect(describeScopeAnswer('workaround', { kind: 'none' })).toBe('no workaround')
  })
})

import { describe, expect, it } from 'vitest'
import {
  crisisTypeByKey,
  defaultCrisisTypeKeys,
  defaultCrisisTypes,
  mergeCrisisTypes,
  reviewCriteria,
  validateCrisisType,
} from './crisis-types.js'

const outage = crisisTypeByKey(defaultCrisisTypes, 'service_outage')!

describe('crisis types', () => {
  it('ships the five kinds of crisis the seed names, each with valid criteria', () => {
    expect(defaultCrisisTypes.map((t) => t.key)).toEqual([...defaultCrisisTypeKeys])
    for (const type of defaultCrisisTypes) expect(validateCrisisType(type)).toEqual([])
  })

  it('lets an organisation add its own type and override a default by key', () => {
    const custom = {
      key: 'supplier_failure',
      name: 'Supplier failure',
      description: '',
      criteria: [{ id: 'x', text: 'A supplier failed' }],
    }
    const renamed = { ...outage, name: 'Platform outage' }
    const merged = mergeCrisisTypes(defaultCrisisTypes, [custom, renamed])
    expect(merged).toHaveLength(6)
    expect(crisisTypeByKey(merged, 'service_outage')?.name).toBe('Platform outage')
    expect(merged.at(-1)?.key).toBe('supplier_failure')
  })

  it('reports a bad key, a missing name and duplicate criteria', () => {
    const problems = validateCrisisType({
      key: 'Bad Key',
      name: ' ',
      description: '',
      criteria: [
        { id: 'a', text: '' },
        { id: 'a', text: '' },
      ],
    })
    expect(problems).toHaveLength(3)
  })

  it('is satisfied only when every criterion is confirmed as met, the latest answer counting', () => {
    const all = outage.criteria.map((c) => ({ criterionId: c.id, isMet: true }))
    expect(reviewCriteria(outage, all).isSatisfied).toBe(true)
    const changedMind = [...all, { criterionId: 'beyond_minutes', isMet: false }]
    const review = reviewCriteria(outage, changedMind)
    expect(review.isSatisfied).toBe(false)
    expect(review.notMet.map((c) => c.id)).toEqual(['beyond_minutes'])
    expect(reviewCriteria(outage, all.slice(1)).unanswered.map((c) => c.id)).toEqual(['many_customers'])
  })
})

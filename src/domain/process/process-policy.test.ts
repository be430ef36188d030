import { describe, expect, it } from 'vitest'
import { defaultProcessPolicy, validateProcessPolicy } from './process-policy.js'

describe('the process policy', () => {
  it('is valid out of the box', () => {
    expect(validateProcessPolicy(defaultProcessPolicy)).toEqual([])
  })

  it('reports every problem at once', () => {
    const bad = {
      ...defaultProcessPolicy,
      triage: { validationWindowMinutes: 0, reminderAfterMinutes: 5 },
      takeover: { checkInWithinMinutes: 0 },
    }
    expect(validateProcessPolicy(bad).length).toBeGreaterThanOrEqual(3)
  })
})

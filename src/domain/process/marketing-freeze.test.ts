import { describe, expect, it } from 'vitest'
import { defaultFreezePolicy, freezeTransition, marketingFreeze, type FreezeCandidate } from './marketing-freeze.js'

const t0 = new Date('2025-03-01T10:00:00Z')
const t1 = new Date('2025-03-01T11:00:00Z')
const major: FreezeCandidate = {
  id: 'i1',
  title: 'Checkout down',
  status: 'investigating',
  severity: 5,
  isDrill: false,
  qualifyingSince: t1,
}

describe('the marketing freeze', () => {
  it('freezes while a declared incident at or above the level is open, since the earliest one', () => {
    const older = { ...major, id: 'i2', status: 'declared' as const, severity: 4, qualifyingSince: t0 }
    const state = marketingFreeze(defaultFreezePolicy, [major, older])
    expect(state).toEqual({
      isFrozen: true,
      since: t0,
      incidents: [
        { id: 'i2', title: 'Checkout down', severity: 4, since: t0 },
        { id: 'i1', title: 'Checkout down', severity: 5, since: t1 },
      ],
    })
  })

  it('does not freeze for a lower severity, a resolved incident or a drill', () => {
    for (const c of [
      { ...major, severity: 3 },
      { ...major, status: 'resolved' as const },
      { ...major, isDrill: true },
    ]) {
      expect(marketingFreeze(defaultFreezePolicy, [c]).isFrozen).toBe(false)
    }
  })

  it('leaves triage out unless the policy includes it', () => {
    const triage = { ...major, status: 'triage' as const }
    expect(marketingFreeze(defaultFreezePolicy, [triage]).isFrozen).toBe(false)
    expect(marketingFreeze({ ...defaultFreezePolicy, includeTriage: true }, [triage]).isFrozen).toBe(true)
  })

  it('fires a webhook only on the edges', () => {
    const frozen = marketingFreeze(defaultFreezePolicy, [major])
    const thawed = marketingFreeze(defaultFreezePolicy, [])
    expect(freezeTransition(thawed, frozen)).toBe('freeze')
    expect(freezeTransition(frozen, frozen)).toBeNull()
    expect(freezeTransition(frozen, thawed)).toBe('unfreeze')
  })
})

import { describe, expect, it } from 'vitest'
import { defaultStakeholderRules, groupsToNotify, type StakeholderRule } from './stakeholders.js'

describe('internal stakeholders', () => {
  it('always tells support, and engineering and operations of any outage', () => {
    expect(
      groupsToNotify(defaultStakeholderRules, { crisisType: 'service_outage', severity: 1, event: 'declared' }),
    ).toEqual(['support', 'engineering', 'operations'])
  })

  it('adds customer-facing teams, management and PR as severity rises', () => {
    const severe = groupsToNotify(defaultStakeholderRules, {
      crisisType: 'service_outage',
      severity: 5,
      event: 'declared',
    })
    expect(severe).toEqual(
      expect.arrayContaining(['management', 'marketing', 'sales', 'customer_success', 'pr', 'key_partners']),
    )
  })

  it('brings IT/security and legal into a security incident, facilities and HR into an emergency', () => {
    expect(
      groupsToNotify(defaultStakeholderRules, { crisisType: 'security_incident', severity: 1, event: 'declared' }),
    ).toEqual(expect.arrayContaining(['it_security', 'legal']))
    expect(
      groupsToNotify(defaultStakeholderRules, { crisisType: 'physical_emergency', severity: 1, event: 'declared' }),
    ).toEqual(expect.arrayContaining(['facilities', 'hr']))
  })

  it('tells the groups of the old severity of a downgrade too', () => {
    const down = groupsToNotify(defaultStakeholderRules, {
      crisisType: 'service_outage',
      severity: 2,
      previousSeverity: 5,
      event: 'severity_changed',
    })
    expect(down).toContain('management')
  })

  it('applies a rule only to the events it names', () => {
    const rules: StakeholderRule[] = [{ crisisType: '*', minSeverity: 1, groups: ['legal'], on: ['resolved'] }]
    expect(groupsToNotify(rules, { crisisType: 'pr', severity: 3, event: 'declared' })).toEqual([])
    expect(groupsToNotify(rules, { crisisType: 'pr', severity: 3, event: 'resolved' })).toEqual(['legal'])
  })
})

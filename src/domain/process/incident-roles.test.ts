import { describe, expect, it } from 'vitest'
import { assignRole, responders, rolesOf } from './incident-roles.js'

const ana = { id: 'u-ana', name: 'Ana' }
const bo = { id: 'u-bo', name: 'Bo' }
const cy = { id: 'u-cy', name: 'Cy' }
const t0 = new Date('2025-03-01T10:00:00Z')
const t1 = new Date('2025-03-01T10:05:00Z')

describe('incident roles', () => {
  it('records a first assignment, then a handover, keeping the backup', () => {
    const first = assignRole([], 'support_on_call_manager', ana, bo, t0)
    expect(first.change).toEqual({
      role: 'support_on_call_manager',
      from: null,
      to: ana,
      backup: bo,
      reason: 'assigned',
    })
    const handover = assignRole(first.assignments, 'support_on_call_manager', cy, undefined, t1)
    expect(handover.change.reason).toBe('handover')
    expect(handover.assignments).toEqual([{ role: 'support_on_call_manager', primary: cy, backup: bo, assignedAt: t1 }])
  })

  it('never makes a person their own backup', () => {
    const { assignments } = assignRole([], 'incident_lead', ana, ana, t0)
    expect(assignments[0]?.backup).toBeNull()
  })

  it('records releasing a role', () => {
    const { assignments } = assignRole([], 'incident_lead', ana, null, t0)
    expect(assignRole(assignments, 'incident_lead', null, undefined, t1).change.reason).toBe('released')
  })

  it('keeps roles in the canonical order and tells what a person holds', () => {
    let roles = assignRole([], 'communications_lead', ana, null, t0).assignments
    roles = assignRole(roles, 'incident_lead', bo, ana, t0).assignments
    expect(roles.map((r) => r.role)).toEqual(['incident_lead', 'communications_lead'])
    expect(rolesOf(roles, ana)).toEqual({ primary: ['communications_lead'], backup: ['incident_lead'] })
  })

  it('lists each responder once, with their latest check-in', () => {
    const list = responders([
      { person: ana, role: 'shadow', at: t0 },
      { person: bo, role: 'incident_lead', at: t0 },
      { person: ana, role: 'responder', at: t1 },
    ])
    expect(list.map((c) => [c.person.name, c.role])).toEqual([
      ['Ana', 'responder'],
      ['Bo', 'incident_lead'],
    ])
  })
})

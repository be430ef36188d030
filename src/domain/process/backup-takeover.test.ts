import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nextTakeoverCheckAt, takeoversDue } from './backup-takeover.js'
import type { CheckIn, RoleAssignment } from './incident-roles.js'

const ana = { id: 'u-ana', name: 'Ana' }
const bo = { id: 'u-bo', name: 'Bo' }
const t0 = new Date('2025-03-01T10:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
const support: RoleAssignment = { role: 'support_on_call_manager', primary: ana, backup: bo, assignedAt: t0 }
const policy = { checkInWithinMinutes: 10 }

describe('backup takeover', () => {
  it('hands the role to the backup when the primary has not checked in within the window', () => {
    expect(takeoversDue([support], [], policy, at(9))).toEqual([])
    expect(takeoversDue([support], [], policy, at(10))).toEqual([
      { role: 'support_on_call_manager', from: ana, to: bo, dueAt: at(10) },
    ])
  })

  it('does nothing when the primary checked in for that role', () => {
    const checkIns: CheckIn[] = [{ person: ana, role: 'support_on_call_manager', at: at(2) }]
    expect(takeoversDue([support], checkIns, policy, at(30))).toEqual([])
  })

  it('does not count a check-in in another role', () => {
    const checkIns: CheckIn[] = [{ person: ana, role: 'responder', at: at(2) }]
    expect(takeoversDue([support], checkIns, policy, at(30))).toHaveLength(1)
  })

  it('needs a backup, and honours a per-role window', () => {
    expect(takeoversDue([{ ...support, backup: null }], [], policy, at(60))).toEqual([])
    const perRole = { checkInWithinMinutes: 10, perRoleMinutes: { support_on_call_manager: 3 } }
    expect(takeoversDue([support], [], perRole, at(3))).toHaveLength(1)
    expect(nextTakeoverCheckAt([support], [], perRole)).toEqual(at(3))
  })

  it('is due exactly when the window has passed without the primary checking in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 240 }),
        fc.boolean(),
        (window, minute, checkedIn) => {
          const checkIns: CheckIn[] = checkedIn ? [{ person: ana, role: support.role, at: t0 }] : []
          const due = takeoversDue([support], checkIns, { checkInWithinMinutes: window }, at(minute))
          expect(due.length).toBe(!checkedIn && minute >= window ? 1 : 0)
        },
      ),
    )
  })
})

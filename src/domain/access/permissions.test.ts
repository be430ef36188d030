import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actions, actionsFor, can, permissions, publishActions, rolesFor } from './permissions.js'
import { canGrantRole, roles } from './roles.js'

const readActions = actions.filter((a) => a.endsWith('.read'))

describe('the permission matrix', () => {
  it('lets a viewer read everything operational but write nothing', () => {
    const restricted = ['subscriber.read', 'customer.read', 'audit.read']
    for (const action of readActions.filter((a) => !restricted.includes(a)))
      expect(can('viewer', action), action).toBe(true)
    expect(actionsFor('viewer').every((a) => a.endsWith('.read'))).toBe(true)
    expect(can('viewer', 'incident.create')).toBe(false)
    expect(can('viewer', 'component.write')).toBe(false)
  })

  it('keeps subscribers (personal data) and the audit log from viewers and responders', () => {
    for (const role of ['viewer', 'responder'] as const) {
      expect(can(role, 'subscriber.read')).toBe(false)
      expect(can(role, 'audit.read')).toBe(false)
    }
  })

  it('lets a responder work an incident but not publish to customers', () => {
    expect(can('responder', 'incident.create')).toBe(true)
    expect(can('responder', 'incident.update')).toBe(true)
    expect(can('responder', 'alert.acknowledge')).toBe(true)
    for (const action of publishActions) expect(can('responder', action), action).toBe(false)
  })

  it('lets only communicators, admins and owners publish to customers', () => {
    for (const action of publishActions) {
      expect(roles.filter((r) => can(r, action))).toEqual(['owner', 'admin', 'communicator'])
    }
  })

  it('gives a communicator no power over people, tokens, integrations or settings', () => {
    for (const action of [
      'member.manage',
      'token.manage',
      'integration.manage',
      'settings.manage',
      'audit.read',
    ] as const) {
      expect(can('communicator', action), action).toBe(false)
    }
  })

  it('reserves deleting the organisation to owners', () => {
    expect(roles.filter((r) => can(r, 'organisation.delete'))).toEqual(['owner'])
  })

  it('gives the owner every action', () => {
    expect(actionsFor('owner')).toEqual(actions)
  })

  it('refuses unknown actions for every role, including the owner', () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.string(), (role, action) => {
        fc.pre(!Object.hasOwn(permissions, action))
        expect(can(role, action)).toBe(false)
      }),
    )
    expect(can('owner', 'incident.publsh')).toBe(false)
    expect(can('owner', 'constructor')).toBe(false)
    expect(can('owner', '__proto__')).toBe(false)
  })

  it('never gives a role less trusted than admin something an admin may not do', () => {
    for (const role of ['responder', 'communicator', 'viewer'] as const) {
      for (const action of actionsFor(role)) expect(can('admin', action), `${role} ${action}`).toBe(true)
    }
  })
})

describe('who may publish is a setting', () => {
  it('lets a small team allow responders to publish', () => {
    const settings = { publishRoles: ['responder', 'communicator'] as const }
    expect(can('responder', 'incident.publish', settings)).toBe(true)
    expect(can('admin', 'incident.publish', settings)).toBe(false)
    expect(can('responder', 'member.manage', settings)).toBe(false)
  })

  it('always keeps the owner and never admits a viewer', () => {
    const settings = { publishRoles: ['viewer'] as const }
    expect(rolesFor('incident.publish', settings)).toEqual(['owner'])
    expect(can('viewer', 'incident.publish', settings)).toBe(false)
  })
})

describe('granting roles', () => {
  it('lets an admin grant every role but owner, and lets no one else grant anything', () => {
    expect(roles.filter((r) => canGrantRole('admin', r))).toEqual(['admin', 'responder', 'communicator', 'viewer'])
    expect(roles.filter((r) => canGrantRole('owner', r))).toEqual([...roles])
    for (const granter of ['responder', 'communicator', 'viewer'] as const) {
      expect(roles.some((r) => canGrantRole(granter, r))).toBe(false)
    }
  })
})

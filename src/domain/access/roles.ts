/**
 * The five roles of PRODUCT.md §7, from most to least trusted. A member can grant only
 * roles at or below their own, so an admin can never make an owner.
 */
export const roles = ['owner', 'admin', 'responder', 'communicator', 'viewer'] as const
export type Role = (typeof roles)[number]

export const roleDescriptions: Record<Role, string> = {
  owner: 'Everything, including deleting the organisation and granting or removing owners.',
  admin: 'Runs the organisation: members, tokens, integrations, settings, pages; publishes too.',
  responder: 'Works incidents: declares, updates, checks in, handles alerts; drafts but does not publish to customers.',
  communicator:
    'Speaks to customers: publishes incident updates, maintenances, postmortems; manages subscribers and templates.',
  viewer: 'Reads everything operational; changes nothing.',
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

/** Only owners and admins manage people, and only an owner may grant, change or remove an owner. */
export function canGrantRole(granter: Role, role: Role): boolean {
  if (granter === 'owner') return true
  if (granter === 'admin') return role !== 'owner'
  return false
}

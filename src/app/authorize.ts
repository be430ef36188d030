import { AppError } from './errors.js'
import type { AppContext, Role } from './context.js'

/**
 * Provisional matrix for the foundation routes; the accounts work replaces the lookup with
 * the documented matrix in domain/access while keeping this function's signature.
 */
const writers: Record<string, readonly Role[]> = {
  'page.read': ['owner', 'admin', 'responder', 'communicator', 'viewer'],
  'page.write': ['owner', 'admin'],
  'component.write': ['owner', 'admin', 'responder', 'communicator'],
  'incident.create': ['owner', 'admin', 'responder', 'communicator'],
  'incident.update': ['owner', 'admin', 'responder', 'communicator'],
  'incident.publish': ['owner', 'admin', 'communicator'],
  'incident.delete': ['owner', 'admin'],
  'maintenance.write': ['owner', 'admin', 'communicator'],
}

export type PermissionCheck = (role: Role, action: string, scopes: string[] | null) => boolean

let check: PermissionCheck = (role, action, scopes) =>
  (writers[action]?.includes(role) ?? false) && (scopes === null || scopes.includes(action))

/** Lets the accounts module install the full matrix at wiring time. */
export function installPermissionCheck(next: PermissionCheck) {
  check = next
}

export function requirePermission(ctx: AppContext, action: string) {
  if (!check(ctx.role, action, ctx.scopes)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) may not ${action.replace('.', ': ')}`)
  }
}

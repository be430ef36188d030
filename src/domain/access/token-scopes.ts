import { type AccessSettings, type Action, actions, can, isAction } from './permissions.js'
import type { Role } from './roles.js'

export type ScopeParse = { ok: true; scopes: Action[] } | { ok: false; unknown: string[] }

/**
 * Scopes are actions; `incident.*` is shorthand for every incident action. Patterns are
 * expanded when the token is made, so actions added later are never granted silently.
 */
export function parseScopes(requested: readonly string[]): ScopeParse {
  const scopes = new Set<Action>()
  const unknown: string[] = []
  for (const raw of requested) {
    const scope = raw.trim()
    if (isAction(scope)) {
      scopes.add(scope)
    } else if (/^[a-z]+\.\*$/.test(scope) && actions.some((a) => a.startsWith(scope.slice(0, -1)))) {
      for (const a of actions) if (a.startsWith(scope.slice(0, -1))) scopes.add(a)
    } else {
      unknown.push(raw)
    }
  }
  if (unknown.length > 0) return { ok: false, unknown }
  return { ok: true, scopes: actions.filter((a) => scopes.has(a)) }
}

/** A token acts with its role, narrowed by its scopes; null scopes mean "all the role allows". */
export function canWithScopes(
  role: Role,
  action: string,
  scopes: readonly string[] | null,
  settings?: AccessSettings,
): boolean {
  return can(role, action, settings) && (scopes === null || scopes.includes(action))
}

/** Scopes a token of `role` could never use: asking for them is a mistake worth reporting. */
export function scopesBeyondRole(role: Role, scopes: readonly Action[], settings?: AccessSettings): Action[] {
  return scopes.filter((s) => !can(role, s, settings))
}

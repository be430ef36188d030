/**
 * How long a console session lives: it ends after a spell of inactivity or at an absolute
 * limit, whichever comes first. `touchEveryMs` keeps "last seen" from costing a write per request.
 */
export interface SessionRule {
  idleMs: number
  absoluteMs: number
  touchEveryMs: number
}

const hour = 3_600_000

export const defaultSessionRule: SessionRule = { idleMs: 12 * hour, absoluteMs: 14 * 24 * hour, touchEveryMs: 60_000 }

export interface SessionTimes {
  createdAt: Date
  lastSeenAt: Date
  revokedAt: Date | null
}

export function sessionExpiresAt(createdAt: Date, rule: SessionRule = defaultSessionRule): Date {
  return new Date(createdAt.getTime() + rule.absoluteMs)
}

export function isSessionAlive(session: SessionTimes, now: Date, rule: SessionRule = defaultSessionRule): boolean {
  if (session.revokedAt !== null && session.revokedAt.getTime() <= now.getTime()) return false
  if (now.getTime() >= sessionExpiresAt(session.createdAt, rule).getTime()) return false
  return now.getTime() - session.lastSeenAt.getTime() < rule.idleMs
}

export function shouldTouchSession(lastSeenAt: Date, now: Date, rule: SessionRule = defaultSessionRule): boolean {
  return now.getTime() - lastSeenAt.getTime() >= rule.touchEveryMs
}

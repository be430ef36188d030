/**
 * "Open an incident when an alert has been firing for longer than N minutes" (the seed: downtime
 * of more than a few minutes starts the prepared plan). The clock starts when Candor saw the
 * alert start firing; a resolve ends that firing, and a later one starts over.
 */
export interface FiringFor {
  minutes: number
}

export const MAX_FIRING_FOR_MINUTES = 7 * 24 * 60

export function firingForProblems(f: FiringFor): { path: string; message: string }[] {
  if (Number.isInteger(f.minutes) && f.minutes >= 1 && f.minutes <= MAX_FIRING_FOR_MINUTES) return []
  return [{ path: 'minutes', message: `must be a whole number of minutes from 1 to ${MAX_FIRING_FOR_MINUTES}` }]
}

/** The moment the alert has fired for exactly N minutes; "longer than" holds only after it. */
export function firingForDueAt(f: FiringFor, firingSinceAt: Date): Date {
  return new Date(firingSinceAt.getTime() + f.minutes * 60_000)
}

export function hasFiredLongerThan(f: FiringFor, firingSinceAt: Date, now: Date): boolean {
  return now.getTime() > firingForDueAt(f, firingSinceAt).getTime()
}

/** What the timer waited on: the rule, and the alert's firing (its fire count) when it was set. */
export interface FiringForTimer {
  ruleId: string
  fireCount: number
  firingSinceAt: Date
}

export type FiringForVerdict =
  | { kind: 'open' }
  | { kind: 'wait'; dueAt: Date }
  | { kind: 'drop'; reason: 'resolved' | 'fired_again' | 'rule_changed' }

/**
 * At the due time: open (or join) the incident only if the same firing is still going and the
 * rule, as it reads now, still asks for it; a rule whose N grew waits longer.
 */
export function firingForVerdict(
  timer: FiringForTimer,
  alert: { isResolved: boolean; fireCount: number },
  ruleNow: { ruleId: string; firingFor: FiringFor | null } | null,
  now: Date,
): FiringForVerdict {
  if (alert.isResolved) return { kind: 'drop', reason: 'resolved' }
  if (alert.fireCount !== timer.fireCount) return { kind: 'drop', reason: 'fired_again' }
  if (!ruleNow || ruleNow.ruleId !== timer.ruleId || !ruleNow.firingFor) return { kind: 'drop', reason: 'rule_changed' }
  if (!hasFiredLongerThan(ruleNow.firingFor, timer.firingSinceAt, now))
    return { kind: 'wait', dueAt: firingForDueAt(ruleNow.firingFor, timer.firingSinceAt) }
  return { kind: 'open' }
}

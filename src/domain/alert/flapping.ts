/** An alert that changes between firing and resolved at least `minChanges` times within the window is flapping. */
export interface FlapPolicy {
  windowMinutes: number
  minChanges: number
}

export const defaultFlapPolicy: FlapPolicy = { windowMinutes: 30, minChanges: 4 }

export const MAX_FLAP_CHANGES = 100

export function flapPolicyProblems(policy: FlapPolicy): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (!Number.isInteger(policy.windowMinutes) || policy.windowMinutes < 1 || policy.windowMinutes > 7 * 24 * 60) {
    problems.push({ path: 'windowMinutes', message: 'must be a whole number of minutes from 1 to 10080' })
  }
  if (!Number.isInteger(policy.minChanges) || policy.minChanges < 2 || policy.minChanges > MAX_FLAP_CHANGES) {
    problems.push({ path: 'minChanges', message: `must be a whole number from 2 to ${MAX_FLAP_CHANGES}` })
  }
  return problems
}

/** The change times still inside the window at `now`, plus `now` when a change happens now. */
export function recordStateChange(times: readonly Date[], now: Date, policy: FlapPolicy, isChange: boolean): Date[] {
  const since = now.getTime() - policy.windowMinutes * 60_000
  const kept = times.filter((t) => t.getTime() > since && t.getTime() <= now.getTime())
  if (isChange) kept.push(now)
  // Only the newest `minChanges` can ever decide; older ones are dropped to bound storage.
  return kept.slice(-policy.minChanges)
}

export function isFlappingAt(times: readonly Date[], now: Date, policy: FlapPolicy): boolean {
  const since = now.getTime() - policy.windowMinutes * 60_000
  return times.filter((t) => t.getTime() > since && t.getTime() <= now.getTime()).length >= policy.minChanges
}

import type { Problem } from './schedule-validation.js'

/** Whom a level pages: whoever a schedule has on call at that moment, or a named person. */
export type EscalationTarget = { kind: 'schedule'; scheduleId: string } | { kind: 'user'; userId: string }

export interface EscalationLevel {
  targets: readonly EscalationTarget[]
  /** Without an acknowledgement in this time, the page moves to the next level. */
  ackTimeoutMinutes: number
}

/**
 * Ordered levels walked until someone acknowledges; the whole walk repeats `repeatCount`
 * more times; then the fallback targets are paged once ("if someone is unavailable,
 * someone else steps in").
 */
export interface EscalationPolicy {
  id: string
  name?: string
  levels: readonly EscalationLevel[]
  repeatCount: number
  fallbackTargets: readonly EscalationTarget[]
}

const MAX_TIMEOUT_MINUTES = 7 * 24 * 60

export function escalationPolicyProblems(policy: EscalationPolicy): Problem[] {
  const problems: Problem[] = []
  if (policy.levels.length === 0) problems.push({ path: 'levels', message: 'a policy needs at least one level' })
  policy.levels.forEach((level, i) => {
    if (level.targets.length === 0)
      problems.push({ path: `levels.${i}.targets`, message: 'a level needs at least one target' })
    const t = level.ackTimeoutMinutes
    if (!Number.isInteger(t) || t < 1 || t > MAX_TIMEOUT_MINUTES) {
      problems.push({
        path: `levels.${i}.ackTimeoutMinutes`,
        message: `must be a whole number of minutes from 1 to ${MAX_TIMEOUT_MINUTES}`,
      })
    }
  })
  if (!Number.isInteger(policy.repeatCount) || policy.repeatCount < 0 || policy.repeatCount > 20) {
    problems.push({ path: 'repeatCount', message: 'must be a whole number from 0 to 20' })
  }
  return problems
}

export function targetKey(target: EscalationTarget): string {
  return target.kind === 'schedule' ? `schedule:${target.scheduleId}` : `user:${target.userId}`
}

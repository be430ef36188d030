/**
 * Validating the crisis criteria is time-boxed (the seed: "build a time window for this
 * validation step into the start of the process"). An undecided triage first reminds the
 * team, then escalates to the incident lead; the scorecard asks whether it was decided in time.
 */
export interface TriagePolicy {
  validationWindowMinutes: number
  /** Minutes after triage starts at which the team is reminded; must be inside the window. */
  reminderAfterMinutes: number
}

export const defaultTriagePolicy: TriagePolicy = { validationWindowMinutes: 15, reminderAfterMinutes: 10 }

export interface TriageClock {
  startedAt: Date
  decidedAt: Date | null
  remindedAt: Date | null
  escalatedAt: Date | null
}

export type TriageAction = { kind: 'remind'; dueAt: Date } | { kind: 'escalate'; dueAt: Date }

const minutes = (n: number) => n * 60_000

export function triageReminderAt(clock: Pick<TriageClock, 'startedAt'>, policy: TriagePolicy): Date {
  return new Date(clock.startedAt.getTime() + minutes(policy.reminderAfterMinutes))
}

export function triageDeadline(clock: Pick<TriageClock, 'startedAt'>, policy: TriagePolicy): Date {
  return new Date(clock.startedAt.getTime() + minutes(policy.validationWindowMinutes))
}

/** What is due at `now`, at most once each; a decided triage owes nothing. */
export function triageActionsDue(clock: TriageClock, policy: TriagePolicy, now: Date): TriageAction[] {
  if (clock.decidedAt !== null) return []
  const due: TriageAction[] = []
  const remindAt = triageReminderAt(clock, policy)
  const escalateAt = triageDeadline(clock, policy)
  if (clock.remindedAt === null && clock.escalatedAt === null && now >= remindAt && now < escalateAt) {
    due.push({ kind: 'remind', dueAt: remindAt })
  }
  if (clock.escalatedAt === null && now >= escalateAt) due.push({ kind: 'escalate', dueAt: escalateAt })
  return due
}

/** The next moment a job should look at this triage again, or null when nothing more is owed. */
export function nextTriageCheckAt(clock: TriageClock, policy: TriagePolicy): Date | null {
  if (clock.decidedAt !== null || clock.escalatedAt !== null) return null
  return clock.remindedAt === null ? triageReminderAt(clock, policy) : triageDeadline(clock, policy)
}

export function wasDecidedInTime(clock: TriageClock, policy: TriagePolicy): boolean | null {
  if (clock.decidedAt === null) return null
  return clock.decidedAt <= triageDeadline(clock, policy)
}

export function validateTriagePolicy(policy: TriagePolicy): string[] {
  const problems: string[] = []
  if (!(policy.validationWindowMinutes > 0)) problems.push('the validation window must be positive')
  if (!(policy.reminderAfterMinutes > 0 && policy.reminderAfterMinutes < policy.validationWindowMinutes)) {
    problems.push('the reminder must come after triage starts and before the validation window ends')
  }
  return problems
}

/**
 * When a postmortem is owed. The seed shares the summary "in the days or weeks that follow",
 * so the team is reminded a number of days after the resolution that depends on the severity;
 * below a set severity a postmortem is optional and may be skipped, with the reason recorded.
 */
export interface PostmortemPolicy {
  /** Days after the resolution before the reminder, by severity level. */
  reminderDaysBySeverity: Readonly<Record<number, number>>
  /** For levels not listed above. */
  defaultReminderDays: number
  /** From this level up a postmortem is required; below it, it may be skipped with a reason. */
  requiredFromSeverity: number
}

export const defaultPostmortemPolicy: PostmortemPolicy = {
  // The scorecard expects the public postmortem within 5 days: the worst are reminded well before.
  reminderDaysBySeverity: { 5: 2, 4: 3, 3: 4, 2: 7, 1: 14 },
  defaultReminderDays: 4,
  requiredFromSeverity: 3,
}

const dayMs = 86_400_000

export function reminderDays(policy: PostmortemPolicy, severity: number): number {
  return policy.reminderDaysBySeverity[severity] ?? policy.defaultReminderDays
}

/** When to remind the team of a postmortem nobody has started, or null when the incident is not resolved. */
export function postmortemReminderAt(
  incident: { resolvedAt: Date | null; severity: number; status: string },
  policy: PostmortemPolicy,
): Date | null {
  if (incident.resolvedAt === null || incident.status === 'stood_down') return null
  return new Date(incident.resolvedAt.getTime() + reminderDays(policy, incident.severity) * dayMs)
}

export function maySkipPostmortem(policy: PostmortemPolicy, severity: number): boolean {
  return severity < policy.requiredFromSeverity
}

export function validatePostmortemPolicy(policy: PostmortemPolicy): string[] {
  const problems: string[] = []
  const days = [policy.defaultReminderDays, ...Object.values(policy.reminderDaysBySeverity)]
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 365))
    problems.push('reminder days must be whole numbers from 0 to 365')
  if (Object.keys(policy.reminderDaysBySeverity).some((k) => !/^[1-9]\d?$/.test(k)))
    problems.push('reminder days are keyed by severity level (1–99)')
  if (!Number.isInteger(policy.requiredFromSeverity) || policy.requiredFromSeverity < 1)
    problems.push('the required-from severity must be a positive level')
  return problems
}

import { postmortemReminderAt } from '../../domain/postmortem/postmortem-policy.js'
import type { ProcessIncident } from '../../domain/process/incident-process.js'
import type { ProcessPolicy } from '../../domain/process/process-policy.js'
import type { OrgStore } from '../../store/store.js'

const time = (d: Date | null) => d?.getTime() ?? null

/**
 * Called with every committed process change: when the incident resolves (again), or its
 * severity changes after that, the postmortem reminder moves with it; a re-opened incident owes
 * nothing until it resolves again. Most changes touch neither and write nothing.
 */
export async function schedulePostmortemFollowUp(
  tx: OrgStore,
  policy: ProcessPolicy,
  before: ProcessIncident | null,
  after: ProcessIncident,
  now: Date,
): Promise<void> {
  // An incident resolved before it joined the process (adopted) owes no reminder for the past.
  if (before === null && after.resolvedAt !== null && time(after.resolvedAt) !== now.getTime()) return
  const remindAt = postmortemReminderAt(after, policy.postmortem)
  const was = before ? postmortemReminderAt(before, policy.postmortem) : null
  if (time(remindAt) === time(was)) return
  const isNewResolution = time(before?.resolvedAt ?? null) !== time(after.resolvedAt)
  await tx.learning.postmortems.scheduleFollowUp(after.id, remindAt, isNewResolution, now)
}

import type { KeyCustomerTerms } from './key-customer.js'

export const contactTaskStates = ['open', 'done'] as const
export type ContactTaskState = (typeof contactTaskStates)[number]

/** What the overdue rule needs of a contact task. */
export interface ContactTaskClock {
  state: ContactTaskState
  deadlineAt: Date
  /** When the support on-call manager was told it is overdue; the alert goes once per task. */
  overdueAlertedAt: Date | null
}

const minuteMs = 60_000

/** The SLA clock starts when the customer is known to be affected: at the declaration, or later when scope grows. */
export function contactDeadline(affectedSince: Date, notifyWithinMinutes: number): Date {
  return new Date(affectedSince.getTime() + notifyWithinMinutes * minuteMs)
}

/** Overdue from the deadline itself: an SLA of "within 30 minutes" is missed at minute 30 with nobody told. */
export function isOverdue(task: ContactTaskClock, now: Date): boolean {
  return task.state === 'open' && now.getTime() >= task.deadlineAt.getTime()
}

/** When the overdue alert falls due: the deadline of an open task not yet alerted, else never (null). */
export function overdueAlertDueAt(task: ContactTaskClock): Date | null {
  return task.state === 'open' && task.overdueAlertedAt === null ? task.deadlineAt : null
}

/** The timer: alert an overdue open task once; a task done, early, or already alerted stays as it is. */
export function tickContactTask<T extends ContactTaskClock>(task: T, now: Date): { task: T; shouldAlert: boolean } {
  const dueAt = overdueAlertDueAt(task)
  if (dueAt === null || now.getTime() < dueAt.getTime()) return { task, shouldAlert: false }
  return { task: { ...task, overdueAlertedAt: now }, shouldAlert: true }
}

export interface NewContactTask {
  keyCustomerId: string
  deadlineAt: Date
}

/**
 * The tasks an incident still lacks: one per affected customer who has none yet (a customer
 * whose task was done is not asked twice), each due N minutes after `affectedSince`.
 */
export function missingContactTasks(
  affected: readonly KeyCustomerTerms[],
  customersWithTask: ReadonlySet<string>,
  affectedSince: Date,
): NewContactTask[] {
  return affected
    .filter((c) => !customersWithTask.has(c.id))
    .map((c) => ({ keyCustomerId: c.id, deadlineAt: contactDeadline(affectedSince, c.notifyWithinMinutes) }))
}

/** Open tasks that existed before this moment: a later update reminds their holders, the same instant does not. */
export function tasksToRemind<T extends { state: ContactTaskState; createdAt: Date }>(
  tasks: readonly T[],
  now: Date,
): T[] {
  return tasks.filter((t) => t.state === 'open' && t.createdAt.getTime() < now.getTime())
}

/**
 * The planned improvements of a postmortem as action items: each with an owner, a due date and
 * a state. An open item past its due date is overdue; its owner is reminded the day it becomes
 * overdue and again every few days until it is done or cancelled.
 */
export const actionItemStates = ['open', 'done', 'cancelled'] as const
export type ActionItemState = (typeof actionItemStates)[number]

export interface ActionItemClock {
  state: ActionItemState
  /** A calendar date, YYYY-MM-DD (UTC), or null for no due date. */
  dueOn: string | null
  remindedAt: Date | null
}

export interface ActionItemReminderPolicy {
  repeatEveryDays: number
}

export const defaultActionItemReminderPolicy: ActionItemReminderPolicy = { repeatEveryDays: 7 }

const dayMs = 86_400_000

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The date of `now` in UTC, YYYY-MM-DD. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/** The first moment an item due on `dueOn` is late: the start of the next day (UTC). */
export function overdueFrom(dueOn: string): Date {
  return new Date(new Date(`${dueOn}T00:00:00Z`).getTime() + dayMs)
}

export function isOverdue(item: Pick<ActionItemClock, 'state' | 'dueOn'>, now: Date): boolean {
  return item.state === 'open' && item.dueOn !== null && now >= overdueFrom(item.dueOn)
}

/** When the owner should next hear of this item, or null when nothing is owed (done, cancelled, no date). */
export function nextActionItemReminderAt(item: ActionItemClock, policy = defaultActionItemReminderPolicy): Date | null {
  if (item.state !== 'open' || item.dueOn === null) return null
  const late = overdueFrom(item.dueOn)
  if (item.remindedAt === null) return late
  const again = new Date(item.remindedAt.getTime() + policy.repeatEveryDays * dayMs)
  return again > late ? again : late
}

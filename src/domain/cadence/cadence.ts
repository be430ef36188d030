import { severityByLevel, type SeverityLevel } from '../incident/severity.js'

/**
 * Customers are promised an update at least every `cadenceMinutes` while an incident is
 * open ("radio silence adds stress", the Zendesk seed). The team is reminded shortly before
 * the promise falls due, and the incident lead is told when it was missed.
 */
export interface CadencePolicy {
  reminderBeforeMinutes: number
  /** How long past due before the miss escalates. */
  escalateAfterMinutes: number
}

export const defaultCadencePolicy: CadencePolicy = { reminderBeforeMinutes: 5, escalateAfterMinutes: 10 }

export interface CadenceClock {
  lastPublicUpdateAt: Date
  cadenceMinutes: number
  /** The due time the last reminder was for, so each due time reminds once. */
  remindedForDueAt: Date | null
  escalatedForDueAt: Date | null
}

export type CadenceAction = { kind: 'remind'; dueAt: Date } | { kind: 'escalate'; dueAt: Date }
export type CadenceStatus = 'on_track' | 'due_soon' | 'overdue' | 'escalated'

const ms = (minutes: number) => minutes * 60_000

export function cadenceForSeverity(scale: readonly SeverityLevel[], level: number, fallbackMinutes = 60): number {
  return severityByLevel(scale, level)?.updateCadenceMinutes ?? fallbackMinutes
}

export function nextUpdateDueAt(lastPublicUpdateAt: Date, cadenceMinutes: number): Date {
  return new Date(lastPublicUpdateAt.getTime() + ms(cadenceMinutes))
}

/** Never before the last update itself, even when the reminder lead is longer than the cadence. */
export function reminderAt(
  clock: Pick<CadenceClock, 'lastPublicUpdateAt' | 'cadenceMinutes'>,
  policy: CadencePolicy,
): Date {
  const due = nextUpdateDueAt(clock.lastPublicUpdateAt, clock.cadenceMinutes).getTime()
  return new Date(Math.max(clock.lastPublicUpdateAt.getTime(), due - ms(policy.reminderBeforeMinutes)))
}

export function escalationAt(
  clock: Pick<CadenceClock, 'lastPublicUpdateAt' | 'cadenceMinutes'>,
  policy: CadencePolicy,
): Date {
  return new Date(
    nextUpdateDueAt(clock.lastPublicUpdateAt, clock.cadenceMinutes).getTime() + ms(policy.escalateAfterMinutes),
  )
}

const sameTime = (a: Date | null, b: Date) => a !== null && a.getTime() === b.getTime()

export function cadenceActionsDue(clock: CadenceClock, policy: CadencePolicy, now: Date): CadenceAction[] {
  const dueAt = nextUpdateDueAt(clock.lastPublicUpdateAt, clock.cadenceMinutes)
  const actions: CadenceAction[] = []
  const escalate = now >= escalationAt(clock, policy)
  if (!escalate && now >= reminderAt(clock, policy) && !sameTime(clock.remindedForDueAt, dueAt))
    actions.push({ kind: 'remind', dueAt })
  if (escalate && !sameTime(clock.escalatedForDueAt, dueAt)) actions.push({ kind: 'escalate', dueAt })
  return actions
}

export function cadenceStatus(clock: CadenceClock, policy: CadencePolicy, now: Date): CadenceStatus {
  const dueAt = nextUpdateDueAt(clock.lastPublicUpdateAt, clock.cadenceMinutes)
  if (now >= escalationAt(clock, policy)) return 'escalated'
  if (now >= dueAt) return 'overdue'
  if (now >= reminderAt(clock, policy)) return 'due_soon'
  return 'on_track'
}

/** When a job should look next, or null when both the reminder and the escalation are done. */
export function nextCadenceCheckAt(clock: CadenceClock, policy: CadencePolicy): Date | null {
  const dueAt = nextUpdateDueAt(clock.lastPublicUpdateAt, clock.cadenceMinutes)
  if (!sameTime(clock.remindedForDueAt, dueAt) && !sameTime(clock.escalatedForDueAt, dueAt))
    return reminderAt(clock, policy)
  if (!sameTime(clock.escalatedForDueAt, dueAt)) return escalationAt(clock, policy)
  return null
}

export function validateCadenceMinutes(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 1) return 'the cadence must be a whole number of minutes, at least 1'
  // The seed lets a long crisis stretch to "every few days"; a month is the outer bound we accept.
  if (minutes > 31 * 24 * 60) return 'the cadence must be at most 31 days'
  return null
}

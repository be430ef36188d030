import type { EscalationTarget } from './escalation-policy.js'
import type { NotifyAction } from './escalation.js'
import { whoIsOnCall } from './who-is-on-call.js'
import type { Schedule } from './schedule-types.js'

const MINUTE_MS = 60_000

export const contactKinds = ['email', 'webhook', 'slack', 'in_app'] as const
export type ContactKind = (typeof contactKinds)[number]

/** How one person wants to be reached, and how long after a page each way is tried. */
export interface ContactMethod {
  id: string
  userId: string
  kind: ContactKind
  /** Email address or URL; empty for in-app. */
  address: string
  delayMinutes: number
}

export interface PlannedNotification {
  userId: string
  contactMethodId: string
  kind: ContactKind
  address: string
  dueAt: Date
  levelIndex: number
  round: number
  isFallback: boolean
}

export interface ResolvedTargets {
  userIds: string[]
  /** Schedules that had nobody on call: the page should not wait on them. */
  emptyScheduleIds: string[]
}

/** The people behind a level's targets at `at`, each once, in target order. */
export function resolveTargets(
  targets: readonly EscalationTarget[],
  at: Date,
  scheduleById: (id: string) => Schedule | undefined,
): ResolvedTargets {
  const userIds: string[] = []
  const emptyScheduleIds: string[] = []
  const add = (userId: string) => {
    if (!userIds.includes(userId)) userIds.push(userId)
  }
  for (const target of targets) {
    if (target.kind === 'user') {
      add(target.userId)
      continue
    }
    const schedule = scheduleById(target.scheduleId)
    const onCall = schedule ? whoIsOnCall(schedule, at) : null
    if (onCall) add(onCall.userId)
    else emptyScheduleIds.push(target.scheduleId)
  }
  return { userIds, emptyScheduleIds }
}

/** "Email at once, webhook after 2 minutes": one notification per contact method, due after its delay. */
export function planNotifications(
  action: NotifyAction,
  userIds: readonly string[],
  contactMethods: readonly ContactMethod[],
  now: Date,
): PlannedNotification[] {
  const planned: PlannedNotification[] = []
  for (const userId of userIds) {
    for (const method of contactMethods) {
      if (method.userId !== userId) continue
      planned.push({
        userId,
        contactMethodId: method.id,
        kind: method.kind,
        address: method.address,
        dueAt: new Date(now.getTime() + Math.max(0, method.delayMinutes) * MINUTE_MS),
        levelIndex: action.levelIndex,
        round: action.round,
        isFallback: action.isFallback,
      })
    }
  }
  return planned.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
}

/** People with no way to be reached: the page should say so instead of waiting silently. */
export function unreachableUsers(userIds: readonly string[], contactMethods: readonly ContactMethod[]): string[] {
  return userIds.filter((userId) => !contactMethods.some((m) => m.userId === userId))
}

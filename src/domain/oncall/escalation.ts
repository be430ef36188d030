import type { EscalationPolicy, EscalationTarget } from './escalation-policy.js'

const MINUTE_MS = 60_000

export type EscalationStatus = 'triggered' | 'acknowledged' | 'resolved'

/**
 * Where a page stands in its policy. The policy is a snapshot taken when the page opened,
 * so editing a policy never reshuffles a page already walking it.
 */
export interface EscalationState {
  status: EscalationStatus
  policy: EscalationPolicy
  /** The level last paged; `policy.levels.length` means the fallback. */
  levelIndex: number
  /** Which pass over the levels, from 0 to `policy.repeatCount`. */
  round: number
  /** When the current level times out; null once nothing more will happen on its own. */
  dueAt: Date | null
  /** Every level and the fallback have been paged and nobody acknowledged. */
  isExhausted: boolean
  acknowledgedBy: string | null
  acknowledgedAt: Date | null
  resolvedAt: Date | null
}

export type EscalationEvent =
  | { type: 'timeout-due' }
  | { type: 'acknowledge'; by: string }
  | { type: 'escalate-now'; by?: string }
  | { type: 'resolve'; by?: string }

export interface NotifyAction {
  type: 'notify'
  levelIndex: number
  round: number
  isFallback: boolean
  targets: readonly EscalationTarget[]
}

export type EscalationAction =
  | NotifyAction
  | { type: 'schedule-timeout'; dueAt: Date }
  /** Drop notifications still waiting on a contact-method delay: nobody needs paging any more. */
  | { type: 'cancel-pending-notifications' }
  | { type: 'exhausted' }

export type IgnoredBecause = 'not-due' | 'already-acknowledged' | 'already-resolved' | 'exhausted'

export interface StepResult {
  state: EscalationState
  actions: EscalationAction[]
  ignoredBecause?: IgnoredBecause
}

function page(state: EscalationState, levelIndex: number, round: number, now: Date): StepResult {
  const { policy } = state
  const level = policy.levels[levelIndex]
  if (!level) {
    const next: EscalationState = { ...state, status: 'triggered', levelIndex, round, dueAt: null, isExhausted: true }
    const notify: NotifyAction = {
      type: 'notify',
      levelIndex,
      round,
      isFallback: true,
      targets: policy.fallbackTargets,
    }
    return { state: next, actions: [notify, { type: 'exhausted' }] }
  }
  const dueAt = new Date(now.getTime() + level.ackTimeoutMinutes * MINUTE_MS)
  return {
    state: { ...state, status: 'triggered', levelIndex, round, dueAt, isExhausted: false },
    actions: [
      { type: 'notify', levelIndex, round, isFallback: false, targets: level.targets },
      { type: 'schedule-timeout', dueAt },
    ],
  }
}

/** Open a page: level 1 (index 0) is notified now and its timeout starts. */
export function startEscalation(policy: EscalationPolicy, now: Date): StepResult {
  const initial: EscalationState = {
    status: 'triggered',
    policy,
    levelIndex: 0,
    round: 0,
    dueAt: null,
    isExhausted: false,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedAt: null,
  }
  return page(initial, 0, 0, now)
}

/** The next level, the first level of the next round, the fallback, or the end. */
function advance(state: EscalationState, now: Date): StepResult {
  const { policy, levelIndex, round } = state
  const onLevels = levelIndex < policy.levels.length
  if (onLevels && levelIndex + 1 < policy.levels.length) return page(state, levelIndex + 1, round, now)
  if (onLevels && round < policy.repeatCount) return page(state, 0, round + 1, now)
  if (onLevels && policy.fallbackTargets.length > 0) return page(state, policy.levels.length, round, now)
  return {
    state: { ...state, status: 'triggered', levelIndex: policy.levels.length, dueAt: null, isExhausted: true },
    actions: [{ type: 'exhausted' }],
  }
}

const ignore = (state: EscalationState, because: IgnoredBecause): StepResult => ({
  state,
  actions: [],
  ignoredBecause: because,
})

/**
 * The whole escalation as one pure function: the job calls it with `timeout-due` when the
 * due time passes, people call it through links and the API. Repeated or late events are
 * ignored (with the reason) rather than errors, because links get clicked twice.
 */
export function step(state: EscalationState, event: EscalationEvent, now: Date): StepResult {
  if (state.status === 'resolved') return ignore(state, 'already-resolved')
  switch (event.type) {
    case 'timeout-due':
      if (state.status !== 'triggered' || state.dueAt === null)
        return ignore(state, state.isExhausted ? 'exhausted' : 'not-due')
      if (now.getTime() < state.dueAt.getTime()) return ignore(state, 'not-due')
      return advance(state, now)
    case 'acknowledge':
      if (state.status === 'acknowledged') return ignore(state, 'already-acknowledged')
      return {
        state: { ...state, status: 'acknowledged', dueAt: null, acknowledgedBy: event.by, acknowledgedAt: now },
        actions: [{ type: 'cancel-pending-notifications' }],
      }
    case 'escalate-now': {
      if (state.isExhausted) return ignore(state, 'exhausted')
      const next = advance({ ...state, acknowledgedBy: null, acknowledgedAt: null }, now)
      return { ...next, actions: [{ type: 'cancel-pending-notifications' }, ...next.actions] }
    }
    case 'resolve':
      return {
        state: { ...state, status: 'resolved', dueAt: null, resolvedAt: now },
        actions: [{ type: 'cancel-pending-notifications' }],
      }
  }
}

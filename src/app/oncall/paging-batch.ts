import { step, type EscalationState, type NotifyAction, type StepResult } from '../../domain/oncall/escalation.js'
import {
  planNotifications,
  resolveTargets,
  type ContactKind,
  type ContactMethod,
} from '../../domain/oncall/notification-plan.js'
import type { Schedule } from '../../domain/oncall/schedule-types.js'
import { randomUUID } from 'node:crypto'
import type { NotificationWrite, PageCreate, PageStateWrite } from '../../store/oncall-pages-store.js'
import type { OncallStore } from '../../store/oncall-store.js'
import { loadSchedules } from './schedule-mapping.js'

type PageRow = NonNullable<Awaited<ReturnType<OncallStore['pages']['get']>>>
type EventWrite = { pageId: string; type: string; actor: string; detail: Record<string, unknown>; at: Date }

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function stateOf(row: PageRow): EscalationState {
  return {
    status: row.status,
    policy: row.policy_snapshot,
    levelIndex: row.level_index,
    round: row.round,
    dueAt: row.due_at,
    isExhausted: row.is_exhausted,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
  }
}

/** Only people are stored as the acknowledger; a token's acknowledgement is in the page's events. */
export function stateWrite(state: EscalationState): PageStateWrite {
  return {
    status: state.status,
    levelIndex: state.levelIndex,
    round: state.round,
    isExhausted: state.isExhausted,
    dueAt: state.dueAt,
    acknowledgedBy: state.acknowledgedBy && uuidPattern.test(state.acknowledgedBy) ? state.acknowledgedBy : null,
    acknowledgedAt: state.acknowledgedAt,
    resolvedAt: state.resolvedAt,
  }
}

/**
 * Carries out escalation steps for one or many pages inside the caller's transaction.
 * Schedules, people and contact methods are read once per batch, and the writes (events,
 * notifications, cancellations, states) go out together in `flush()`: a storm of pages
 * costs a few statements per page, not a dozen.
 */
export function pagingBatch(store: OncallStore, now: Date) {
  const schedules = new Map<string, Schedule | null>()
  const people = new Map<string, { email: string; methods: ContactMethod[] } | null>()
  const events: EventWrite[] = []
  const notifications: NotificationWrite[] = []
  const cancelled = new Set<string>()
  const states = new Map<string, EscalationState>()
  const created = new Map<string, Omit<PageCreate, 'state'> & { state: EscalationState }>()

  async function loadMissing(scheduleIds: readonly string[], userIds: readonly string[]) {
    const newSchedules = [...new Set(scheduleIds)].filter((id) => !schedules.has(id))
    if (newSchedules.length) {
      const loaded = await loadSchedules(store, newSchedules, now)
      for (const id of newSchedules) schedules.set(id, loaded.get(id)?.schedule ?? null)
    }
    const newUsers = [...new Set(userIds)].filter((id) => !people.has(id))
    if (newUsers.length) {
      const [members, methods] = await Promise.all([
        store.people.members(newUsers),
        store.people.listContactMethods(newUsers),
      ])
      for (const id of newUsers) {
        const member = members.find((m) => m.id === id)
        const own = methods
          .filter((m) => m.user_id === id)
          .map((m) => ({
            id: m.id,
            userId: id,
            kind: m.kind as ContactKind,
            address: m.address,
            delayMinutes: m.delay_minutes,
          }))
        people.set(id, member ? { email: member.email, methods: own } : null)
      }
    }
  }

  /**
   * A level's people: each contact method after its delay, an in-app notice at once, and an
   * email to the account address for anyone with no contact method, so nobody is silently
   * unreachable. Returns how many people were paged.
   */
  async function notify(pageId: string, action: NotifyAction): Promise<number> {
    await loadMissing(
      action.targets.flatMap((t) => (t.kind === 'schedule' ? [t.scheduleId] : [])),
      [],
    )
    const resolved = resolveTargets(action.targets, now, (id) => schedules.get(id) ?? undefined)
    await loadMissing([], resolved.userIds)
    const userIds = resolved.userIds.filter((id) => people.get(id))
    const common = { pageId, levelIndex: action.levelIndex, round: action.round, isFallback: action.isFallback }
    const methods = userIds.flatMap((id) => people.get(id)!.methods)
    for (const p of planNotifications(action, userIds, methods, now)) {
      if (p.kind !== 'in_app')
        notifications.push({
          ...common,
          userId: p.userId,
          contactMethodId: p.contactMethodId,
          kind: p.kind,
          address: p.address,
          dueAt: p.dueAt,
        })
    }
    for (const userId of userIds) {
      const person = people.get(userId)!
      if (person.methods.length === 0)
        notifications.push({
          ...common,
          userId,
          contactMethodId: null,
          kind: 'email',
          address: person.email,
          dueAt: now,
        })
      notifications.push({
        ...common,
        userId,
        contactMethodId: null,
        kind: 'in_app',
        address: '',
        dueAt: now,
        status: 'sent',
      })
    }
    const level = action.isFallback ? 'fallback' : action.levelIndex + 1
    events.push({
      pageId,
      type: 'notified',
      actor: 'system',
      detail: { level, round: action.round, user_ids: userIds, empty_schedule_ids: resolved.emptyScheduleIds },
      at: now,
    })
    return userIds.length
  }

  return {
    /** A page to open in this batch; it is written with its final state before its notifications. */
    addPage(page: Omit<PageCreate, 'id' | 'state'> & { state: EscalationState }): string {
      const id = randomUUID()
      created.set(id, { ...page, id })
      return id
    },
    event(pageId: string, type: string, actor: string, detail: Record<string, unknown> = {}) {
      events.push({ pageId, type, actor, detail, at: now })
    },
    /**
     * Applies a step's actions and keeps its state for `flush()`. A level that reaches nobody
     * (an empty schedule) escalates at once instead of waiting out its timeout; the walk is
     * finite, so this ends.
     */
    async carryOut(pageId: string, first: StepResult): Promise<EscalationState> {
      let result = first
      for (;;) {
        let pagedNobody = false
        for (const action of result.actions) {
          if (action.type === 'notify') pagedNobody = (await notify(pageId, action)) === 0
          else if (action.type === 'cancel-pending-notifications') cancelled.add(pageId)
          else if (action.type === 'exhausted')
            events.push({ pageId, type: 'exhausted', actor: 'system', detail: {}, at: now })
        }
        const state = result.state
        if (!pagedNobody || state.status !== 'triggered' || state.isExhausted) {
          const fresh = created.get(pageId)
          if (fresh) fresh.state = state
          else states.set(pageId, state)
          return state
        }
        events.push({ pageId, type: 'escalated', actor: 'system', detail: { reason: 'nobody-on-call' }, at: now })
        result = step(state, { type: 'escalate-now' }, now)
      }
    },
    /**
     * New pages first (notifications point at them); cancellations before inserts: they concern
     * older notifications only.
     */
    async flush() {
      await store.pages.createMany([...created.values()].map((p) => ({ ...p, state: stateWrite(p.state) })))
      await store.pages.cancelPending([...cancelled])
      await store.pages.addNotifications(notifications)
      await store.pages.addEvents(events)
      await store.pages.saveStates(
        [...states].map(([id, state]) => ({ id, state: stateWrite(state) })),
        now,
      )
      created.clear()
      cancelled.clear()
      notifications.length = 0
      events.length = 0
      states.clear()
    },
  }
}
export type PagingBatch = ReturnType<typeof pagingBatch>

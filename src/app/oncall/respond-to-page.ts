import { step, type EscalationEvent, type IgnoredBecause } from '../../domain/oncall/escalation.js'
import type { OncallStore } from '../../store/oncall-store.js'
import { oncallStore } from '../../store/oncall-store.js'
import type { Executor } from '../../store/schema/index.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { pagingBatch, stateOf, type PagingBatch } from './paging-batch.js'
import { requireMembers } from './manage-schedules.js'
import { pageActionInput } from './oncall-input.js'
import { getPage } from './view-pages.js'

export type PageResponse = 'acknowledge' | 'escalate' | 'resolve'

const eventTypes = { acknowledge: 'acknowledged', escalate: 'escalated', resolve: 'resolved' } as const

/**
 * One response to a page, in the caller's transaction: the row is locked, the state machine
 * decides, its actions are carried out. A response that changes nothing (a second click)
 * is reported, not failed.
 */
export async function respond(
  store: OncallStore,
  pageId: string,
  response: PageResponse,
  by: { userId: string | null; actorName: string; via: string },
  now: Date,
  shared?: PagingBatch,
): Promise<{ ignoredBecause: IgnoredBecause | null } | null> {
  const row = await store.pages.getForUpdate(pageId)
  if (!row) return null
  const who = by.userId ?? by.actorName
  const event: EscalationEvent =
    response === 'acknowledge'
      ? { type: 'acknowledge', by: who }
      : response === 'escalate'
        ? { type: 'escalate-now', by: who }
        : { type: 'resolve', by: who }
  const result = step(stateOf(row), event, now)
  if (result.ignoredBecause) return { ignoredBecause: result.ignoredBecause }
  const batch = shared ?? pagingBatch(store, now)
  batch.event(pageId, eventTypes[response], by.actorName, { user_id: by.userId, via: by.via })
  await batch.carryOut(pageId, result)
  if (!shared) await batch.flush()
  return { ignoredBecause: null }
}

async function respondByApi(deps: AppDeps, ctx: AppContext, pageId: string, raw: unknown, response: PageResponse) {
  requirePermission(ctx, 'alert.acknowledge')
  const input = parseInput(pageActionInput, raw ?? {})
  const userId = input.user_id ?? (ctx.actor.kind === 'user' ? ctx.actor.id : null)
  const outcome = await deps.store.transaction(ctx.orgId, async (tx) => {
    if (input.user_id) await requireMembers(tx.oncall, [input.user_id], 'user_id')
    return respond(tx.oncall, pageId, response, { userId, actorName: ctx.actor.name, via: 'api' }, ctx.now)
  })
  if (!outcome) throw notFound('Page')
  if (response === 'escalate') deps.outbox.wake()
  if (outcome.ignoredBecause)
    throw new AppError('INVALID_TRANSITION', `The page is ${outcome.ignoredBecause.replace('-', ' ')}`)
  return getPage(deps, ctx, pageId)
}

export const acknowledgePage = (deps: AppDeps, ctx: AppContext, pageId: string, raw: unknown) =>
  respondByApi(deps, ctx, pageId, raw, 'acknowledge')
export const escalatePage = (deps: AppDeps, ctx: AppContext, pageId: string, raw: unknown) =>
  respondByApi(deps, ctx, pageId, raw, 'escalate')
export const resolvePage = (deps: AppDeps, ctx: AppContext, pageId: string, raw: unknown) =>
  respondByApi(deps, ctx, pageId, raw, 'resolve')

/**
 * When the alert behind a page is acknowledged or resolved at its source, its open pages follow
 * (alert intake calls this through `alertStatusChanged`, inside its transaction): escalation stops
 * and pending notifications are cancelled.
 */
export async function respondToAlertPages(
  deps: AppDeps,
  ctx: AppContext,
  alertId: string,
  response: 'acknowledge' | 'resolve',
  tx?: Executor,
): Promise<number> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(alertId)) return 0
  const run = async (store: OncallStore) => {
    let changed = 0
    const batch = pagingBatch(store, ctx.now)
    for (const page of await store.pages.openForAlert(alertId)) {
      // A group's page stays open while any alert of the group still fires (as Alertmanager resolves a group).
      if (response === 'resolve' && page.group_key !== null && (await store.pages.hasUnresolvedAlerts(page.id)))
        continue
      const outcome = await respond(
        store,
        page.id,
        response,
        { userId: null, actorName: ctx.actor.name, via: 'alert' },
        ctx.now,
        batch,
      )
      if (outcome && !outcome.ignoredBecause) changed++
    }
    await batch.flush()
    return changed
  }
  return tx ? run(oncallStore(tx, ctx.orgId)) : deps.store.transaction(ctx.orgId, (scoped) => run(scoped.oncall))
}

export const resolvePagesForAlert = (deps: AppDeps, ctx: AppContext, alertId: string, tx?: Executor) =>
  respondToAlertPages(deps, ctx, alertId, 'resolve', tx)

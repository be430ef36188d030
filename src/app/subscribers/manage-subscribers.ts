import {
  confirmationExpiresAt,
  isPlausibleEmail,
  needsConfirmation,
  normaliseEmail,
} from '../../domain/delivery/subscription.js'
import type { OrgStore } from '../../store/store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import {
  bulkRemoveInput,
  createSubscriberInput,
  listSubscribersQuery,
  updateSubscriberInput,
} from './subscriber-input.js'
import { newWebhookSecret } from './subscriber-links.js'
import { addressKeyOf, cursorOf, parseCursor, subscriberView } from './subscriber-view.js'

async function requirePage(tx: OrgStore, pageId: string) {
  const page = await tx.pages.get(pageId)
  if (!page) throw notFound('Status page')
  return page
}

/** Component ids must belong to the page, or a subscriber could never be reached by them. */
export async function checkComponents(tx: OrgStore, pageId: string, ids: readonly string[] | undefined) {
  if (!ids?.length) return
  const known = new Set((await tx.components.list(pageId)).map((c) => c.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length)
    throw invalid(
      'Unknown components for this page',
      unknown.map((id) => ({ path: 'component_ids', message: `${id} is not a component of this page` })),
    )
}

export async function createSubscriber(deps: AppDeps, ctx: AppContext, pageId: string, raw: unknown) {
  requirePermission(ctx, 'subscriber.manage')
  const input = parseInput(createSubscriberInput, raw)
  const settings = deps.subscribers
  const address = input.channel === 'email' ? normaliseEmail(input.address) : input.address
  if (input.channel === 'email' && !isPlausibleEmail(address))
    throw invalid('The request is invalid', [{ path: 'address', message: 'must be an email address' }])
  if (input.channel !== 'email') {
    const refused = await settings.checkWebhookUrl(address)
    if (refused) throw invalid('The webhook URL is refused', [{ path: 'address', message: refused }])
  }
  const isPending = needsConfirmation(input.channel) && !input.skip_confirmation
  const result = await deps.store.transaction(ctx.orgId, async (tx) => {
    await requirePage(tx, pageId)
    await checkComponents(tx, pageId, input.component_ids)
    const secret = input.channel === 'email' ? null : newWebhookSecret()
    const row = await tx.subscribers.create({
      pageId,
      channel: input.channel,
      address,
      addressKey: addressKeyOf(input.channel, address),
      locale: input.locale ?? null,
      audience: input.audience ?? 'customer',
      componentIds: input.component_ids ?? [],
      state: isPending ? 'pending' : 'active',
      secret,
      source: 'api',
      confirmationExpiresAt: isPending ? confirmationExpiresAt(ctx.now, settings.confirmationTtlMs) : null,
      confirmedAt: isPending ? null : ctx.now,
    })
    if (isPending) await tx.deliveries.enqueueConfirmation({ id: row.id, pageId, channel: row.channel }, ctx.now)
    return { ...subscriberView(row), ...(secret ? { secret } : {}) }
  })
  if (isPending) deps.outbox.wake()
  return result
}

export async function listSubscribers(deps: AppDeps, ctx: AppContext, pageId: string, raw: unknown) {
  requirePermission(ctx, 'subscriber.read')
  const query = parseInput(listSubscribersQuery, raw)
  const tx = deps.store.forOrg(ctx.orgId)
  await requirePage(tx, pageId)
  const filter = { pageId, q: query.q, channel: query.channel, state: query.state }
  const before = parseCursor(query.cursor)
  const rows = await tx.subscribers.list(filter, { limit: query.limit, ...(before ? { before } : {}) })
  const last = rows.at(-1)
  return {
    subscribers: rows.map(subscriberView),
    total: await tx.subscribers.count(filter),
    next_cursor: rows.length === query.limit && last ? cursorOf(last) : null,
  }
}

export async function getSubscriber(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'subscriber.read')
  const tx = deps.store.forOrg(ctx.orgId)
  const row = await tx.subscribers.get(id)
  if (!row) throw notFound('Subscriber')
  const recent = await tx.deliveries.listForSubscriber(id, 20)
  return {
    ...subscriberView(row),
    recent_deliveries: recent.map((d) => ({
      id: d.id,
      kind: d.kind,
      update_id: d.update_id,
      status: d.status,
      attempts: d.attempts,
      last_error: d.last_error,
      sent_at: d.sent_at,
      created_at: d.created_at,
    })),
  }
}

export async function updateSubscriber(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'subscriber.manage')
  const input = parseInput(updateSubscriberInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.subscribers.get(id)
    if (!row) throw notFound('Subscriber')
    await checkComponents(tx, row.page_id, input.component_ids)
    if (input.state === 'active' && row.state === 'pending')
      throw invalid('A pending email subscriber becomes active only by confirming', [
        { path: 'state', message: 'cannot activate a pending subscriber' },
      ])
    const updated = await tx.subscribers.update(
      id,
      {
        locale: input.locale,
        audience: input.audience,
        componentIds: input.component_ids,
        state: input.state,
        ...(input.state === 'unsubscribed' ? { unsubscribedAt: ctx.now } : {}),
        ...(input.state === 'active' ? { disabledAt: null, disabledReason: null, unsubscribedAt: null } : {}),
      },
      ctx.now,
    )
    return subscriberView(updated!)
  })
}

export async function removeSubscriber(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'subscriber.manage')
  const removed = await deps.store.transaction(ctx.orgId, (tx) => tx.subscribers.removeMany({ ids: [id] }))
  if (removed === 0) throw notFound('Subscriber')
}

export async function bulkRemoveSubscribers(deps: AppDeps, ctx: AppContext, pageId: string, raw: unknown) {
  requirePermission(ctx, 'subscriber.manage')
  const input = parseInput(bulkRemoveInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    await requirePage(tx, pageId)
    const removed = await tx.subscribers.removeMany({
      pageId,
      ids: input.ids,
      state: input.state,
      channel: input.channel,
      q: input.q,
    })
    return { removed }
  })
}

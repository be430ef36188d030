import { startEscalation } from '../../domain/oncall/escalation.js'
import type { OncallStore } from '../../store/oncall-store.js'
import { oncallStore } from '../../store/oncall-store.js'
import type { Executor } from '../../store/schema/index.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { pagingBatch } from './paging-batch.js'
import { loadPolicies } from './manage-escalation-policies.js'
import { triggerPageInput } from './oncall-input.js'
import { getPage } from './view-pages.js'

export interface PageRequest {
  policyId: string
  summary: string
  details?: string
  alertId?: string | null
  incidentId?: string | null
  /** Alerts of one group (an Alertmanager groupKey) page once: later ones join the group's open page. */
  groupKey?: string | null
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Opens pages on policies inside the caller's transaction: level 1 of each is notified now
 * and its timer is written as due_at. Several at once (an alert storm) share one batch.
 * A request with a group key whose group already has an open page on the policy joins it.
 * Returns each page's id, or null where the policy does not exist (any more).
 */
export async function openPages(
  store: OncallStore,
  ctx: AppContext,
  requests: readonly PageRequest[],
): Promise<(string | null)[]> {
  const policyIds = [...new Set(requests.map((r) => r.policyId).filter((id) => uuidPattern.test(id)))]
  const rows = (await Promise.all(policyIds.map((id) => store.policies.get(id)))).filter((r) => r !== undefined)
  const policies = await loadPolicies(store, rows)
  const batch = pagingBatch(store, ctx.now)
  // A group's open page, found once per call (the first request of a group takes its lock).
  const groupPages = new Map<string, string>()
  const groupPage = async (policyId: string, groupKey: string) => {
    const key = `${policyId}\n${groupKey}`
    if (!groupPages.has(key)) {
      await store.pages.lockGroup(policyId, groupKey)
      const open = await store.pages.openForGroup(policyId, groupKey)
      if (open) groupPages.set(key, open.id)
    }
    return groupPages.get(key)
  }
  const links: { pageId: string; alertId: string }[] = []
  const ids: (string | null)[] = []
  for (const request of requests) {
    const policy = policies.get(request.policyId)
    if (!policy) {
      ids.push(null)
      continue
    }
    const groupKey = request.groupKey ?? null
    const alertId = request.alertId ?? null
    const joined = groupKey === null ? undefined : await groupPage(policy.id, groupKey)
    if (joined !== undefined) {
      if (alertId) {
        links.push({ pageId: joined, alertId })
        batch.event(joined, 'alert_attached', ctx.actor.name, { alert_id: alertId })
      }
      ids.push(joined)
      continue
    }
    const started = startEscalation(policy, ctx.now)
    const pageId = batch.addPage({
      policyId: policy.id,
      policy,
      summary: request.summary.slice(0, 500),
      details: (request.details ?? '').slice(0, 20_000),
      alertId,
      incidentId: request.incidentId ?? null,
      groupKey,
      state: started.state,
      at: ctx.now,
    })
    if (groupKey !== null) {
      groupPages.set(`${policy.id}\n${groupKey}`, pageId)
      if (alertId) links.push({ pageId, alertId })
    }
    batch.event(pageId, 'triggered', ctx.actor.name, { policy_id: policy.id, alert_id: alertId })
    await batch.carryOut(pageId, started)
    ids.push(pageId)
  }
  await batch.flush()
  await store.pages.attachAlerts(links, ctx.now)
  return ids
}

export async function openPage(store: OncallStore, ctx: AppContext, request: PageRequest): Promise<string | null> {
  return (await openPages(store, ctx, [request]))[0] ?? null
}

/**
 * The alert → people path: alert intake (a routing rule's `page` action) calls this, in its
 * own transaction when it passes `tx`. A policy deleted since the rule was written pages
 * nobody and is logged, so the alert itself is still recorded.
 */
export async function pageEscalationPolicy(
  deps: AppDeps,
  ctx: AppContext,
  request: PageRequest,
  tx?: Executor,
): Promise<string | null> {
  const pageId = tx
    ? await openPage(oncallStore(tx, ctx.orgId), ctx, request)
    : await deps.store.transaction(ctx.orgId, (scoped) => openPage(scoped.oncall, ctx, request))
  // In the caller's transaction, the caller wakes the outbox once it commits.
  if (pageId && !tx) deps.outbox.wake()
  if (!pageId)
    deps.logger.warn(
      { orgId: ctx.orgId, policyId: request.policyId, alertId: request.alertId },
      'page requested for a missing escalation policy',
    )
  return pageId
}

/** A person (or a script) pages a policy by hand. */
export async function triggerPage(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'alert.acknowledge')
  const input = parseInput(triggerPageInput, raw)
  const pageId = await deps.store.transaction(ctx.orgId, (tx) =>
    openPage(tx.oncall, ctx, {
      policyId: input.escalation_policy_id,
      summary: input.summary,
      details: input.details,
      incidentId: input.incident_id ?? null,
    }),
  )
  if (!pageId) throw notFound('Escalation policy')
  deps.outbox.wake()
  return getPage(deps, ctx, pageId)
}

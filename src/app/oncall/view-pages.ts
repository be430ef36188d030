import { z } from 'zod'
import type { OncallStore } from '../../store/oncall-store.js'
import { requirePermission } from '../authorize.js'
import { idSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { listPagesQuery } from './oncall-input.js'

type PageRow = NonNullable<Awaited<ReturnType<OncallStore['pages']['get']>>>
type NotificationRow = Awaited<ReturnType<OncallStore['pages']['listNotifications']>>[number]

function pageSummary(row: PageRow) {
  const policy = row.policy_snapshot
  return {
    id: row.id,
    escalation_policy_id: row.policy_id,
    escalation_policy_name: policy.name ?? null,
    summary: row.summary,
    details: row.details,
    alert_id: row.alert_id,
    incident_id: row.incident_id,
    status: row.status,
    /** 1-based as people count levels; null once on the fallback. */
    level: row.level_index < policy.levels.length ? row.level_index + 1 : null,
    is_fallback: row.level_index >= policy.levels.length,
    round: row.round,
    is_exhausted: row.is_exhausted,
    due_at: row.due_at,
    acknowledged_by: row.acknowledged_by,
    acknowledged_at: row.acknowledged_at,
    resolved_at: row.resolved_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

const notificationView = (n: NotificationRow) => ({
  id: n.id,
  page_id: n.page_id,
  user_id: n.user_id,
  kind: n.kind,
  address: n.address,
  level: n.is_fallback ? null : n.level_index + 1,
  is_fallback: n.is_fallback,
  round: n.round,
  status: n.status,
  due_at: n.due_at,
  sent_at: n.sent_at,
  attempts: n.attempts,
  last_error: n.last_error,
})

export async function getPage(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'alert.read')
  const store = deps.store.forOrg(ctx.orgId).oncall
  const row = await store.pages.get(id)
  if (!row) throw notFound('Page')
  const [events, notifications] = await Promise.all([store.pages.listEvents(id), store.pages.listNotifications(id)])
  return {
    ...pageSummary(row),
    events: events.map((e) => ({ type: e.type, actor: e.actor, detail: e.detail, at: e.at })),
    notifications: notifications.map(notificationView),
  }
}

export async function listPages(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'alert.read')
  const q = parseInput(listPagesQuery, raw ?? {})
  const rows = await deps.store
    .forOrg(ctx.orgId)
    .oncall.pages.list({ statuses: q.status ? [q.status] : undefined, limit: q.limit })
  return rows.map(pageSummary)
}

export const inboxQuery = z.strictObject({ user_id: idSchema.optional() })

/** The in-app channel: a person's latest page notifications. */
export async function listInbox(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'alert.read')
  const q = parseInput(inboxQuery, raw ?? {})
  const userId = q.user_id ?? (ctx.actor.kind === 'user' ? ctx.actor.id : null)
  if (!userId)
    throw invalid('The request is invalid', [{ path: 'user_id', message: 'name the person (an API token is nobody)' }])
  const rows = await deps.store.forOrg(ctx.orgId).oncall.pages.listNotificationsOf(userId)
  return rows.filter((n) => n.kind === 'in_app').map(notificationView)
}

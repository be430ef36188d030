import { z } from 'zod'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'

export const messageKinds = [
  'update',
  'confirmation',
  'page',
  'stakeholder_notice',
  'team_notice',
  'role_notice',
  'freeze_webhook',
  'account_mail',
] as const
export const messageStates = ['queued', 'sending', 'sent', 'retrying', 'failed', 'skipped'] as const

export const listMessagesQuery = z
  .object({
    incident_id: z.uuid().optional(),
    kind: z.enum(messageKinds).optional(),
    status: z.enum(messageStates).optional(),
    /** Paging: the `id` of the last message of the previous page. */
    before: z
      .string()
      .regex(/^\d{1,18}$/, 'must be a message id')
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict()

/**
 * Every message that left (or is leaving) Candor for this organisation, newest first, with
 * its delivery state and last error: customers' emails and webhooks, pages, notices, mail.
 */
export async function listMessages(deps: AppDeps, ctx: AppContext, rawQuery: unknown) {
  requirePermission(ctx, 'page.read')
  const query = parseInput(listMessagesQuery, rawQuery ?? {})
  const rows = await deps.store.forOrg(ctx.orgId).messages.list({
    limit: query.limit,
    ...(query.incident_id ? { incidentId: query.incident_id } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.before ? { before: query.before } : {}),
  })
  return {
    messages: rows.map((r) => ({
      ...r,
      // What a failed or retrying message last ran into; nothing for those that went well.
      last_error: r.status === 'sent' ? null : r.last_error,
      next_attempt_at: r.status === 'retrying' || r.status === 'queued' ? r.next_attempt_at : null,
    })),
    next_before: rows.length === query.limit ? (rows.at(-1)?.id ?? null) : null,
  }
}

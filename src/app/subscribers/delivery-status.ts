import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { deliveriesQuery } from './subscriber-input.js'

const statuses = ['pending', 'sending', 'sent', 'retrying', 'failed', 'skipped'] as const

/** How an update's fan-out is going: counts by status and one line per recipient, paged. Poll it while it runs. */
export async function getUpdateDeliveries(
  deps: AppDeps,
  ctx: AppContext,
  incidentId: string,
  updateId: string,
  raw: unknown,
) {
  requirePermission(ctx, 'subscriber.read')
  const query = parseInput(deliveriesQuery, raw)
  const tx = deps.store.forOrg(ctx.orgId)
  if (!(await tx.incidents.getUpdate(incidentId, updateId))) throw notFound('Incident update')
  const rows = await tx.deliveries.statusCounts(updateId)
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<(typeof statuses)[number], number>
  for (const row of rows) counts[row.status as keyof typeof counts] = Number(row.n)
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const recipients = await tx.deliveries.listForUpdate(updateId, {
    status: query.status,
    limit: query.limit,
    after: query.after,
  })
  return {
    update_id: updateId,
    counts: { ...counts, total },
    is_done: counts.pending + counts.sending + counts.retrying === 0,
    recipients,
    next_after: recipients.length === query.limit ? (recipients.at(-1)?.id ?? null) : null,
  }
}

import { z } from 'zod'
import { formatCsvRow } from '../../domain/delivery/csv.js'
import { requirePermission } from '../authorize.js'
import { dateTimeSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'

const filters = {
  from: dateTimeSchema.optional(),
  to: dateTimeSchema.optional(),
  actor_id: z.string().max(200).optional(),
  action: z.string().max(200).optional(),
  object_type: z.string().max(100).optional(),
  object_id: z.string().max(200).optional(),
}

export const auditQueryInput = z
  .object({
    ...filters,
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z
      .string()
      .regex(/^\d{1,19}$/)
      .optional(),
  })
  .strict()

export const auditExportInput = z.object({ ...filters, format: z.enum(['csv', 'json']).default('json') }).strict()

type Row = Awaited<ReturnType<ReturnType<AppDeps['store']['forOrg']>['accounts']['audit']['query']>>[number]

function present(row: Row) {
  const { seq, ...rest } = row
  return { ...rest, cursor: seq }
}

/** Newest first; pass `next_cursor` back as `before` for the next page. */
export async function queryAuditLog(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'audit.read')
  const q = parseInput(auditQueryInput, raw)
  const rows = await deps.store
    .forOrg(ctx.orgId)
    .accounts.audit.query({ ...toQuery(q), before: q.before, limit: q.limit })
  return { entries: rows.map(present), next_cursor: rows.length === q.limit ? (rows.at(-1)?.seq ?? null) : null }
}

const exportLimit = 100_000
const pageSize = 1_000
export const csvColumns = [
  'occurred_at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'action',
  'object_type',
  'object_id',
  'ip',
  'user_agent',
  'before',
  'after',
] as const

/** The whole matching log (up to 100,000 rows) as CSV (spreadsheet-safe) or JSON. */
export async function exportAuditLog(
  deps: AppDeps,
  ctx: AppContext,
  raw: unknown,
): Promise<{ contentType: string; body: string }> {
  requirePermission(ctx, 'audit.read')
  const q = parseInput(auditExportInput, raw)
  const audit = deps.store.forOrg(ctx.orgId).accounts.audit
  const rows: Row[] = []
  let before: string | undefined
  while (rows.length < exportLimit) {
    const page = await audit.query({ ...toQuery(q), before, limit: pageSize })
    rows.push(...page)
    if (page.length < pageSize) break
    before = page.at(-1)?.seq
  }
  if (q.format === 'json')
    return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(rows.map(present)) }
  const lines = rows.map((r) =>
    formatCsvRow(
      csvColumns.map((c) =>
        c === 'occurred_at'
          ? r.occurred_at.toISOString()
          : c === 'before' || c === 'after'
            ? r[c] === null
              ? ''
              : JSON.stringify(r[c])
            : r[c],
      ),
    ),
  )
  return {
    contentType: 'text/csv; charset=utf-8',
    body: `${[formatCsvRow([...csvColumns]), ...lines].join('\r\n')}\r\n`,
  }
}

function toQuery(q: z.infer<typeof auditExportInput> | z.infer<typeof auditQueryInput>) {
  return {
    from: q.from,
    to: q.to,
    actorId: q.actor_id,
    action: q.action,
    objectType: q.object_type,
    objectId: q.object_id,
  }
}

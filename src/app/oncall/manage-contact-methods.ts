import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { idSchema } from '../common-schemas.js'
import { requireMembers } from './manage-schedules.js'
import { contactMethodInput } from './oncall-input.js'

/** People manage their own contact methods; managing someone else's needs oncall.manage. */
function requireMayManage(ctx: AppContext, userId: string) {
  if (ctx.actor.kind === 'user' && ctx.actor.id === userId) requirePermission(ctx, 'oncall.read')
  else requirePermission(ctx, 'oncall.manage')
}

type Row = {
  id: string
  user_id: string
  kind: string
  address: string
  delay_minutes: number
  created_at: Date
  secret: string | null
}
const view = (m: Row) => ({
  id: m.id,
  user_id: m.user_id,
  kind: m.kind,
  address: m.address,
  delay_minutes: m.delay_minutes,
  created_at: m.created_at,
})

export const listContactMethodsQuery = z.strictObject({ user_id: idSchema.optional() })

export async function listContactMethods(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'oncall.read')
  const q = parseInput(listContactMethodsQuery, raw ?? {})
  const rows = await deps.store.forOrg(ctx.orgId).oncall.people.listContactMethods(q.user_id ? [q.user_id] : undefined)
  return rows.map(view)
}

/** A webhook method gets its signing secret here, shown this once. */
export async function addContactMethod(deps: AppDeps, ctx: AppContext, raw: unknown) {
  const input = parseInput(contactMethodInput, raw)
  requireMayManage(ctx, input.user_id)
  const secret = input.kind === 'webhook' ? `whsec_${randomBytes(24).toString('base64url')}` : null
  // The transaction's result is what the audit row keeps: the view, never the secret.
  const created = await deps.store.transaction(ctx.orgId, async (tx) => {
    await requireMembers(tx.oncall, [input.user_id], 'user_id')
    const row = await tx.oncall.people.addContactMethod({
      userId: input.user_id,
      kind: input.kind,
      address: input.address,
      delayMinutes: input.delay_minutes,
      secret,
    })
    return view(row)
  })
  return { ...created, ...(secret ? { secret } : {}) }
}

export async function removeContactMethod(deps: AppDeps, ctx: AppContext, id: string) {
  await deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.oncall.people.getContactMethod(id)
    if (!row) throw notFound('Contact method')
    requireMayManage(ctx, row.user_id)
    await tx.oncall.people.removeContactMethod(id)
  })
}

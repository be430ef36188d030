import { z } from 'zod'
import { actionsFor } from '../../domain/access/permissions.js'
import { canGrantRole, isRole, roles, type Role } from '../../domain/access/roles.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, conflict, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { writeAudit } from './audit.js'

export async function listMembers(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'member.read')
  return deps.store.forOrg(ctx.orgId).accounts.members.list()
}

export const changeRoleInput = z.object({ role: z.enum(roles) }).strict()

/** A token keeps working only if everything it could do is still allowed to its person. */
function outgrows(tokenRole: string, personRole: Role): boolean {
  if (!isRole(tokenRole)) return true
  const allowed = new Set(actionsFor(personRole))
  return actionsFor(tokenRole).some((a) => !allowed.has(a))
}

/** Only an owner may touch an owner, or make one. */
function guard(ctx: AppContext, ...involved: Role[]) {
  for (const role of involved) {
    if (!canGrantRole(ctx.role, role))
      throw new AppError('FORBIDDEN', `Your role (${ctx.role}) may not manage members with the ${role} role`)
  }
}

export async function changeMemberRole(deps: AppDeps, ctx: AppContext, userId: string, raw: unknown) {
  requirePermission(ctx, 'member.manage')
  const { role } = parseInput(changeRoleInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const before = await tx.accounts.members.get(userId)
    if (!before || !isRole(before.role)) throw notFound('Member')
    guard(ctx, before.role, role)
    if (before.role === 'owner' && role !== 'owner' && (await tx.accounts.members.countOwners()) <= 1) {
      throw conflict('The last owner cannot be demoted; make someone else owner first')
    }
    await tx.accounts.members.setRole(userId, role)
    const stale = (await tx.accounts.tokens.list({ userId })).filter((t) => outgrows(t.role, role))
    await tx.accounts.tokens.revokeMany(
      stale.map((t) => t.id),
      ctx.now,
    )
    const after = { ...before, role }
    await writeAudit(tx, ctx, {
      action: 'member.role_changed',
      objectType: 'member',
      objectId: userId,
      before,
      after: { ...after, tokens_revoked: stale.length },
    })
    return after
  })
}

/** Removal ends the person's sessions and tokens in this organisation at once. */
export async function removeMember(deps: AppDeps, ctx: AppContext, userId: string) {
  requirePermission(ctx, 'member.manage')
  await deps.store.transaction(ctx.orgId, async (tx) => {
    const before = await tx.accounts.members.get(userId)
    if (!before || !isRole(before.role)) throw notFound('Member')
    guard(ctx, before.role)
    if (before.role === 'owner' && (await tx.accounts.members.countOwners()) <= 1)
      throw conflict('The last owner cannot be removed')
    await tx.accounts.members.remove(userId, ctx.now)
    await writeAudit(tx, ctx, { action: 'member.removed', objectType: 'member', objectId: userId, before })
  })
}

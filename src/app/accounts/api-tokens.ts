import { z } from 'zod'
import { actionsFor } from '../../domain/access/permissions.js'
import { canGrantRole, roles, type Role } from '../../domain/access/roles.js'
import { parseScopes, scopesBeyondRole } from '../../domain/access/token-scopes.js'
import { generateApiToken } from '../../auth/api-token.js'
import { requirePermission } from '../authorize.js'
import { dateTimeSchema, nameSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { writeAudit } from './audit.js'

export const createTokenInput = z
  .object({
    name: nameSchema,
    /** personal: acts as you (ends when you leave); organisation: a service token, needs token.manage. */
    kind: z.enum(['personal', 'organisation']).default('personal'),
    role: z.enum(roles).optional(),
    /** Actions or `noun.*` patterns; all the role allows when absent. */
    scopes: z.array(z.string().max(100)).max(100).optional(),
    expires_at: dateTimeSchema.optional(),
  })
  .strict()

function withinRole(outer: Role, inner: Role): boolean {
  const allowed = new Set(actionsFor(outer))
  return actionsFor(inner).every((a) => allowed.has(a))
}

/** Makes a token and shows it once; only its SHA-256 is kept. A token never gets more than its maker has. */
export async function createApiToken(deps: AppDeps, ctx: AppContext, raw: unknown) {
  const input = parseInput(createTokenInput, raw)
  const personal = input.kind === 'personal'
  if (personal && ctx.actor.kind !== 'user')
    throw new AppError('FORBIDDEN', 'Only a person can have a personal token; create an organisation token instead')
  if (!personal) requirePermission(ctx, 'token.manage')
  const role = input.role ?? (personal ? ctx.role : 'viewer')
  if (personal ? !withinRole(ctx.role, role) : !canGrantRole(ctx.role, role)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) may not create a token with the ${role} role`)
  }
  let scopes: string[] | null = null
  if (input.scopes) {
    const parsed = parseScopes(input.scopes)
    if (!parsed.ok)
      throw invalid(
        'The request is invalid',
        parsed.unknown.map((s) => ({ path: 'scopes', message: `unknown scope ${JSON.stringify(s)}` })),
      )
    const beyond = scopesBeyondRole(role, parsed.scopes)
    if (beyond.length)
      throw invalid(
        'The request is invalid',
        beyond.map((s) => ({ path: 'scopes', message: `the ${role} role cannot ${s}` })),
      )
    scopes = parsed.scopes
  }
  if (ctx.scopes && (scopes ?? actionsFor(role)).some((s) => !ctx.scopes!.includes(s))) {
    throw new AppError('FORBIDDEN', 'A scoped token may only create tokens with a subset of its own scopes')
  }
  if (input.expires_at && input.expires_at.getTime() <= ctx.now.getTime())
    throw invalid('The request is invalid', [{ path: 'expires_at', message: 'must be in the future' }])
  const { token, hash } = generateApiToken()
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.accounts.tokens.create({
      userId: personal ? ctx.actor.id : null,
      name: input.name,
      tokenHash: hash,
      role,
      scopes,
      expiresAt: input.expires_at ?? null,
      now: ctx.now,
    })
    await writeAudit(tx, ctx, { action: 'token.created', objectType: 'token', objectId: row.id, after: row })
    return { ...row, kind: input.kind, token }
  })
}

const view = <T extends { user_id: string | null }>(row: T) => ({
  ...row,
  kind: row.user_id ? 'personal' : 'organisation',
})

/** With token.manage, every token of the organisation; otherwise your own personal tokens. */
export async function listApiTokens(deps: AppDeps, ctx: AppContext) {
  const tokens = deps.store.forOrg(ctx.orgId).accounts.tokens
  if (canManage(ctx)) return (await tokens.list()).map(view)
  if (ctx.actor.kind !== 'user') return []
  return (await tokens.list({ userId: ctx.actor.id })).map(view)
}

export async function revokeApiToken(deps: AppDeps, ctx: AppContext, id: string) {
  await deps.store.transaction(ctx.orgId, async (tx) => {
    const before = await tx.accounts.tokens.get(id)
    const own = before && ctx.actor.kind === 'user' && before.user_id === ctx.actor.id
    if (!before || before.revoked_at || !(own || canManage(ctx))) throw notFound('Token')
    await tx.accounts.tokens.revoke(id, ctx.now)
    await writeAudit(tx, ctx, { action: 'token.revoked', objectType: 'token', objectId: id, before })
  })
}

function canManage(ctx: AppContext): boolean {
  try {
    requirePermission(ctx, 'token.manage')
    return true
  } catch {
    return false
  }
}

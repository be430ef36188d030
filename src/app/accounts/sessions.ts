import { z } from 'zod'
import { isRole, type Role } from '../../domain/access/roles.js'
import { isSessionAlive, sessionExpiresAt, shouldTouchSession } from '../../domain/access/session-rule.js'
import { csrfTokenFor } from '../../auth/csrf.js'
import { generateSessionToken, hashSessionToken } from '../../auth/session-token.js'
import type { AccountsQueries } from '../../store/accounts-store.js'
import { idSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import type { RequestMeta } from './accounts-options.js'
import { writeAudit } from './audit.js'

export interface SessionInfo {
  sessionId: string
  userId: string
  email: string
  name: string
  orgId: string
  role: Role
  csrfToken: string
}

/** Opens a session in `orgId` (the caller has checked the membership) and returns the cookie value once. */
export async function openSession(
  deps: AppDeps,
  accounts: AccountsQueries,
  input: { userId: string; orgId: string } & RequestMeta,
) {
  const { token, hash } = generateSessionToken()
  const expiresAt = sessionExpiresAt(input.now, deps.accounts.sessionRule)
  const session = await accounts.sessions.create({ ...input, tokenHash: hash, expiresAt })
  return { token, session, csrfToken: csrfTokenFor(deps.secret, session.id) }
}

/** The live session a cookie names, with the person's current role; null for any dead or unknown cookie. */
export async function resolveSession(deps: AppDeps, token: string, now: Date): Promise<SessionInfo | null> {
  if (token.length > 200) return null
  const row = await deps.store.accounts.sessions.findByHash(hashSessionToken(token))
  if (!row || !isRole(row.role)) return null
  const rule = deps.accounts.sessionRule
  const alive = isSessionAlive(
    { createdAt: row.created_at, lastSeenAt: row.last_seen_at, revokedAt: row.revoked_at },
    now,
    rule,
  )
  if (!alive || row.expires_at.getTime() <= now.getTime()) return null
  if (shouldTouchSession(row.last_seen_at, now, rule)) await deps.store.accounts.sessions.touch(row.id, now)
  return {
    sessionId: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name || row.email,
    orgId: row.org_id,
    role: row.role,
    csrfToken: csrfTokenFor(deps.secret, row.id),
  }
}

export function userIdOf(ctx: AppContext): string {
  if (ctx.actor.kind !== 'user')
    throw new AppError('FORBIDDEN', 'Only a signed-in person can do this, not an organisation token')
  return ctx.actor.id
}

export async function signOut(deps: AppDeps, ctx: AppContext, sessionId: string | null) {
  if (!sessionId) return
  await deps.store.transaction(ctx.orgId, async (tx, raw) => {
    if (await deps.store.accounts.bind(raw).sessions.revoke(sessionId, userIdOf(ctx), ctx.now)) {
      await writeAudit(tx, ctx, { action: 'session.signed_out', objectType: 'session', objectId: sessionId })
    }
  })
}

/** Ends every session of the person, on every device, this one included. */
export async function signOutEverywhere(deps: AppDeps, ctx: AppContext) {
  const userId = userIdOf(ctx)
  return deps.store.transaction(ctx.orgId, async (tx, raw) => {
    const ended = await deps.store.accounts.bind(raw).sessions.revokeAllOfUser(userId, ctx.now)
    await writeAudit(tx, ctx, {
      action: 'session.signed_out_everywhere',
      objectType: 'user',
      objectId: userId,
      after: { sessions_ended: ended },
    })
    return { sessions_ended: ended }
  })
}

export async function listSessions(deps: AppDeps, ctx: AppContext, currentSessionId: string | null) {
  const rows = await deps.store.accounts.sessions.listActiveOfUser(userIdOf(ctx), ctx.now)
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }))
}

export async function endSession(deps: AppDeps, ctx: AppContext, sessionId: string) {
  const userId = userIdOf(ctx)
  await deps.store.transaction(ctx.orgId, async (tx, raw) => {
    if (!(await deps.store.accounts.bind(raw).sessions.revoke(sessionId, userId, ctx.now))) throw notFound('Session')
    await writeAudit(tx, ctx, { action: 'session.ended', objectType: 'session', objectId: sessionId })
  })
}

/** Moves the current session to another organisation the person belongs to. */
export const switchOrganisationInput = z.object({ org_id: idSchema }).strict()

export async function switchOrganisation(deps: AppDeps, ctx: AppContext, sessionId: string | null, raw: unknown) {
  const userId = userIdOf(ctx)
  const { org_id: orgId } = parseInput(switchOrganisationInput, raw)
  if (!sessionId)
    throw new AppError('FORBIDDEN', 'Only a console session can switch organisation; a token belongs to one')
  const membership = await deps.store.accounts.users.membership(userId, orgId)
  if (!membership) throw notFound('Organisation')
  await deps.store.accounts.sessions.setOrganisation(sessionId, orgId)
  return { org_id: orgId, role: membership.role }
}

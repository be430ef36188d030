import { z } from 'zod'
import { actionsFor, permissions } from '../../domain/access/permissions.js'
import { passwordProblems } from '../../domain/access/password-policy.js'
import { hashPassword, verifyPassword } from '../../auth/password.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, invalid } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { writeAudit } from './audit.js'
import { userIdOf } from './sessions.js'

/** Who is calling, in which organisation, and what they may do here (the console hides what they may not). */
export async function describeMe(deps: AppDeps, ctx: AppContext, session: { csrfToken: string } | null) {
  const user = ctx.actor.kind === 'user' ? await deps.store.accounts.users.findById(ctx.actor.id) : undefined
  const org = await deps.store.organisations.findById(ctx.orgId)
  const allowed = actionsFor(ctx.role).filter((a) => ctx.scopes === null || ctx.scopes.includes(a))
  return {
    actor: ctx.actor,
    user: user ? { id: user.id, email: user.email, name: user.name } : null,
    organisation: org ? { id: org.id, name: org.name, slug: org.slug } : null,
    organisations: user
      ? (await deps.store.accounts.users.memberships(user.id)).map((m) => ({
          id: m.org_id,
          name: m.name,
          slug: m.slug,
          role: m.role,
        }))
      : [],
    role: ctx.role,
    scopes: ctx.scopes,
    permissions: allowed,
    csrf_token: session?.csrfToken ?? null,
  }
}

export function permissionMatrix() {
  return Object.entries(permissions).map(([action, p]) => ({ action, roles: p.roles, description: p.description }))
}

export const changePasswordInput = z
  .object({ current_password: z.string().max(1024).optional(), new_password: z.string().max(1024) })
  .strict()

/**
 * Sets a new password and ends every other session of the person (a changed password locks out
 * whoever knew the old one).
 */
export async function changePassword(deps: AppDeps, ctx: AppContext, sessionId: string | null, raw: unknown) {
  const userId = userIdOf(ctx)
  const input = parseInput(changePasswordInput, raw)
  const user = await deps.store.accounts.users.findById(userId)
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in again')
  const current = await deps.store.accounts.users.passwordHash(userId)
  if (current && !(input.current_password && (await verifyPassword(input.current_password, current)))) {
    throw invalid('The request is invalid', [{ path: 'current_password', message: 'is wrong' }])
  }
  const problems = passwordProblems(input.new_password, { email: user.email })
  if (problems.length)
    throw invalid(
      'Choose another password',
      problems.map((message) => ({ path: 'new_password', message })),
    )
  const hash = await hashPassword(input.new_password)
  await deps.store.transaction(ctx.orgId, async (tx, raw) => {
    const accounts = deps.store.accounts.bind(raw)
    await accounts.users.setPasswordHash(userId, hash, ctx.now)
    const ended = await accounts.sessions.revokeAllOfUser(userId, ctx.now, sessionId ? { except: sessionId } : {})
    await writeAudit(tx, ctx, {
      action: 'user.password_changed',
      objectType: 'user',
      objectId: userId,
      after: { other_sessions_ended: ended },
    })
  })
}

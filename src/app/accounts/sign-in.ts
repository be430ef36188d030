import { z } from 'zod'
import { normaliseEmail } from '../../domain/access/password-policy.js'
import { afterFailure, lockedUntil, noAttempts } from '../../domain/access/sign-in-lockout.js'
import { hashPassword, needsRehash, verifyPassword, verifyPasswordOfNobody } from '../../auth/password.js'
import type { AppDeps } from '../context.js'
import { AppError } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import type { RequestMeta } from './accounts-options.js'
import { writeAudit } from './audit.js'
import { openSession } from './sessions.js'

export const signInInput = z
  .object({
    email: z.string().trim().min(1).max(320),
    password: z.string().min(1).max(1024),
    /** Which organisation to act in (id or slug); the oldest membership when absent. */
    organisation: z.string().max(200).optional(),
  })
  .strict()

const wrongCredentials = () => new AppError('UNAUTHORIZED', 'The email or password is wrong')

/**
 * Email and password to a session. Unknown emails cost the same work and get the same
 * answer as wrong passwords; repeated failures lock the email (known or not) with backoff.
 */
export async function signIn(deps: AppDeps, raw: unknown, meta: RequestMeta) {
  const input = parseInput(signInInput, raw)
  const email = normaliseEmail(input.email)
  const accounts = deps.store.accounts
  const rule = deps.accounts.lockoutRule
  const failures = await accounts.users.signInFailures(email)
  const attempts = failures ? { failures: failures.failures, lastFailureAt: failures.last_failure_at } : noAttempts
  const until = lockedUntil(attempts, meta.now, rule)
  if (until)
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-ins for this email; try again after ${until.toISOString()}`,
    )

  const user = await accounts.users.findByEmail(email)
  const hash = user ? await accounts.users.passwordHash(user.id) : null
  const ok = hash ? await verifyPassword(input.password, hash) : await verifyPasswordOfNobody(input.password)
  if (!ok || !user || !hash) {
    const next = afterFailure(attempts, meta.now, rule)
    await accounts.users.recordSignInFailures(email, next.failures, meta.now)
    if (user) await auditEverywhere(deps, user, meta, 'session.sign_in_failed', { failures: next.failures })
    throw wrongCredentials()
  }
  await accounts.users.clearSignInFailures(email)
  if (needsRehash(hash)) await accounts.users.setPasswordHash(user.id, await hashPassword(input.password), meta.now)

  const memberships = await accounts.users.memberships(user.id)
  const chosen = input.organisation
    ? memberships.find((m) => m.org_id === input.organisation || m.slug === input.organisation)
    : memberships[0]
  if (!chosen)
    throw new AppError(
      'FORBIDDEN',
      input.organisation ? 'You are not a member of that organisation' : 'You are not a member of any organisation yet',
    )
  return createSignedInSession(
    deps,
    { userId: user.id, email: user.email, name: user.name, orgId: chosen.org_id, method: 'password' },
    meta,
  )
}

/** Opens the session and records the sign-in in the organisation's audit log, together. */
export async function createSignedInSession(
  deps: AppDeps,
  who: { userId: string; email: string; name: string; orgId: string; method: string },
  meta: RequestMeta,
) {
  return deps.store.transaction(who.orgId, async (tx, raw) => {
    const accounts = deps.store.accounts.bind(raw)
    const opened = await openSession(deps, accounts, { userId: who.userId, orgId: who.orgId, ...meta })
    const ctx = {
      orgId: who.orgId,
      actor: { kind: 'user' as const, id: who.userId, name: who.name || who.email },
      role: 'viewer' as const,
      scopes: null,
      permissions: deps.permissions,
      ...meta,
    }
    await writeAudit(tx, ctx, {
      action: 'session.signed_in',
      objectType: 'session',
      objectId: opened.session.id,
      after: { method: who.method },
    })
    const memberships = await accounts.users.memberships(who.userId)
    const current = memberships.find((m) => m.org_id === who.orgId)
    return {
      token: opened.token,
      expiresAt: opened.session.expires_at,
      body: {
        user: { id: who.userId, email: who.email, name: who.name },
        organisation: { id: who.orgId, name: current?.name ?? '', slug: current?.slug ?? '' },
        role: current?.role ?? null,
        organisations: memberships.map((m) => ({ id: m.org_id, name: m.name, slug: m.slug, role: m.role })),
        csrf_token: opened.csrfToken,
        expires_at: opened.session.expires_at,
      },
    }
  })
}

async function auditEverywhere(
  deps: AppDeps,
  user: { id: string; email: string; name: string },
  meta: RequestMeta,
  action: string,
  after: unknown,
) {
  for (const m of await deps.store.accounts.users.memberships(user.id)) {
    const ctx = {
      orgId: m.org_id,
      actor: { kind: 'user' as const, id: user.id, name: user.name || user.email },
      role: 'viewer' as const,
      scopes: null,
      permissions: deps.permissions,
      ...meta,
    }
    await writeAudit(deps.store.forOrg(m.org_id), ctx, { action, objectType: 'user', objectId: user.id, after })
  }
}

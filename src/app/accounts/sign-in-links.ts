import { z } from 'zod'
import { normaliseEmail } from '../../domain/access/password-policy.js'
import { signToken, verifySignedToken } from '../../auth/signed-token.js'
import type { AppDeps } from '../context.js'
import { AppError } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import type { RequestMeta } from './accounts-options.js'
import { enqueueAccountMail, signInLinkMail } from './account-mail.js'
import { createSignedInSession } from './sign-in.js'

const purpose = 'sign-in'

export function signInLinkUrl(deps: AppDeps, token: string): string {
  return `${deps.baseUrl.replace(/\/$/, '')}/auth/link?token=${encodeURIComponent(token)}`
}

/** A one-time link that signs `userId` in, valid for `ttlMs`. */
export function makeSignInLink(deps: AppDeps, userId: string, now: Date, ttlMs = deps.accounts.signInLinkTtlMs) {
  const expiresAt = new Date(now.getTime() + ttlMs)
  const token = signToken(deps.secret, { purpose, subject: userId, expiresAt })
  return { token, url: signInLinkUrl(deps, token), expiresAt }
}

export const linkInput = z.object({ token: z.string().min(1).max(4096) }).strict()

const badLink = () =>
  new AppError('UNAUTHORIZED', 'This sign-in link is invalid, expired or already used; ask for a new one')

export async function consumeSignInLink(deps: AppDeps, raw: unknown, meta: RequestMeta) {
  const { token } = parseInput(linkInput, raw)
  const checked = verifySignedToken(deps.secret, token, { purpose, now: meta.now })
  if (!checked.ok) throw badLink()
  const accounts = deps.store.accounts
  const user = await accounts.users.findById(checked.subject)
  const [membership] = user ? await accounts.users.memberships(user.id) : []
  if (!user || !membership) throw badLink()
  if (!(await accounts.sessions.spendLinkNonce(checked.nonce, purpose, checked.expiresAt))) throw badLink()
  return createSignedInSession(
    deps,
    { userId: user.id, email: user.email, name: user.name, orgId: membership.org_id, method: 'link' },
    meta,
  )
}

export const requestLinkInput = z.object({ email: z.string().trim().min(1).max(320) }).strict()

/**
 * Emails a sign-in link (also the way back in after a forgotten password); says the same whether
 * the account exists or not.
 */
export async function requestSignInLink(deps: AppDeps, raw: unknown, meta: RequestMeta) {
  const { email } = parseInput(requestLinkInput, raw)
  const user = await deps.store.accounts.users.findByEmail(normaliseEmail(email))
  if (user && deps.accounts.canSendEmail) {
    const link = makeSignInLink(deps, user.id, meta.now)
    await enqueueAccountMail(
      deps.store.db,
      signInLinkMail({ to: user.email, url: link.url, expiresAt: link.expiresAt }),
      meta.now,
    )
    deps.outbox.wake()
  }
  return { message: 'If an account exists for this email, a sign-in link is on its way.' }
}

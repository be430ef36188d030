import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { normaliseEmail, passwordProblems } from '../../domain/access/password-policy.js'
import { canGrantRole, roles } from '../../domain/access/roles.js'
import { hashPassword } from '../../auth/password.js'
import { signToken, verifySignedToken } from '../../auth/signed-token.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, conflict, invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import type { RequestMeta } from './accounts-options.js'
import { enqueueAccountMail, invitationMail } from './account-mail.js'
import { writeAudit } from './audit.js'
import { createSignedInSession } from './sign-in.js'

const purpose = 'invitation'

export const inviteInput = z.object({ email: z.email().max(320), role: z.enum(roles) }).strict()

function acceptUrl(deps: AppDeps, token: string) {
  return `${deps.baseUrl.replace(/\/$/, '')}/invitations/accept?token=${encodeURIComponent(token)}`
}

/**
 * Invites a person by email with a signed, expiring, single-use link. With SMTP the link goes
 * only by email; without it, the inviter gets it once to pass on.
 */
export async function inviteMember(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'member.manage')
  const input = parseInput(inviteInput, raw)
  if (!canGrantRole(ctx.role, input.role))
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) may not invite an ${input.role}`)
  const email = normaliseEmail(input.email)
  const options = deps.accounts
  // Read before the transaction: the embedded database has one connection, held by the transaction.
  const org = await deps.store.organisations.findById(ctx.orgId)
  const created = await deps.store.transaction(ctx.orgId, async (tx, raw) => {
    if (await tx.accounts.members.findByEmail(email)) throw conflict(`${email} is already a member`)
    await tx.accounts.invitations.revokeOpenFor(email, ctx.now)
    const nonce = randomBytes(16).toString('base64url')
    const expiresAt = new Date(ctx.now.getTime() + options.invitationTtlMs)
    const invitedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null
    const invitation = await tx.accounts.invitations.create({
      email,
      role: input.role,
      nonce,
      invitedBy,
      now: ctx.now,
      expiresAt,
    })
    const url = acceptUrl(deps, signToken(deps.secret, { purpose, subject: invitation.id, expiresAt, nonce }))
    const mail = invitationMail({
      to: email,
      orgId: ctx.orgId,
      orgName: org?.name ?? '',
      inviterName: ctx.actor.name,
      role: input.role,
      url,
      expiresAt,
    })
    if (options.canSendEmail) await enqueueAccountMail(raw, mail, ctx.now)
    await writeAudit(tx, ctx, {
      action: 'invitation.created',
      objectType: 'invitation',
      objectId: invitation.id,
      after: invitation,
    })
    return { ...invitation, emailed: options.canSendEmail, ...(options.canSendEmail ? {} : { accept_url: url }) }
  })
  if (options.canSendEmail) deps.outbox.wake()
  return created
}

export async function listInvitations(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'member.read')
  return deps.store.forOrg(ctx.orgId).accounts.invitations.listOpen(ctx.now)
}

export async function revokeInvitation(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'member.manage')
  await deps.store.transaction(ctx.orgId, async (tx) => {
    const before = await tx.accounts.invitations.get(id)
    if (!before || !(await tx.accounts.invitations.revoke(id, ctx.now))) throw notFound('Invitation')
    await writeAudit(tx, ctx, { action: 'invitation.revoked', objectType: 'invitation', objectId: id, before })
  })
}

export const acceptInput = z
  .object({
    token: z.string().min(1).max(4096),
    name: z.string().trim().max(200).optional(),
    password: z.string().max(1024).optional(),
  })
  .strict()

const badInvitation = () =>
  new AppError('UNAUTHORIZED', 'This invitation is invalid, expired, revoked or already used; ask for a new one')

/** The link proves the email: a new person sets a password, a known one just joins. */
export async function acceptInvitation(deps: AppDeps, raw: unknown, meta: RequestMeta) {
  const input = parseInput(acceptInput, raw)
  const checked = verifySignedToken(deps.secret, input.token, { purpose, now: meta.now })
  if (!checked.ok) throw badInvitation()
  const invitation = await deps.store.accounts.invitationById(checked.subject)
  if (!invitation || invitation.nonce !== checked.nonce || invitation.accepted_at || invitation.revoked_at)
    throw badInvitation()
  if (invitation.expires_at.getTime() <= meta.now.getTime()) throw badInvitation()
  const existing = await deps.store.accounts.users.findByEmail(invitation.email)
  if (!existing) {
    const problems = passwordProblems(input.password ?? '', { email: invitation.email })
    if (problems.length > 0)
      throw invalid(
        'Choose a password for your new account',
        problems.map((message) => ({ path: 'password', message })),
      )
  }
  const passwordHash = existing ? null : await hashPassword(input.password ?? '')
  const user = await deps.store.transaction(invitation.org_id, async (tx, raw) => {
    const accounts = deps.store.accounts.bind(raw)
    if (!(await accounts.markInvitationAccepted(invitation.id, meta.now))) throw badInvitation()
    const person = existing ?? (await accounts.users.create({ email: invitation.email, name: input.name ?? '' }))
    if (passwordHash) await accounts.users.setPasswordHash(person.id, passwordHash, meta.now)
    await accounts.users.addMembership({ userId: person.id, orgId: invitation.org_id, role: invitation.role })
    const ctx = {
      orgId: invitation.org_id,
      actor: { kind: 'user' as const, id: person.id, name: person.name || person.email },
      role: 'viewer' as const,
      scopes: null,
      permissions: deps.permissions,
      ...meta,
    }
    await writeAudit(tx, ctx, {
      action: 'member.joined',
      objectType: 'member',
      objectId: person.id,
      after: { email: person.email, role: invitation.role, invitation_id: invitation.id },
    })
    return person
  })
  return createSignedInSession(
    deps,
    { userId: user.id, email: user.email, name: user.name, orgId: invitation.org_id, method: 'invitation' },
    meta,
  )
}

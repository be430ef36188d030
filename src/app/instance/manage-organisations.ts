import { randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import { normaliseEmail } from '../../domain/access/password-policy.js'
import { conflict, forbidden, invalid, notFound } from '../../domain/app-error.js'
import { signToken } from '../../auth/signed-token.js'
import { isDbError } from '../../store/db-errors.js'
import { enqueueAccountMail, invitationMail } from '../accounts/account-mail.js'
import { writeAudit } from '../accounts/audit.js'
import { nameSchema, slugSchema } from '../common-schemas.js'
import { type AppContext, type AppDeps, systemContext } from '../context.js'
import { parseInput } from '../parse-input.js'

export const createOrganisationInput = z
  .object({ slug: slugSchema, name: nameSchema, owner_email: z.email().max(320) })
  .strict()
export const renameOrganisationInput = z.object({ slug: slugSchema, name: nameSchema }).strict().partial()

/**
 * Organisations are made and removed by instance admins (people marked so, the first owner
 * among them) or from the command line on the machine itself, never by an organisation's own
 * roles: an owner of one tenant is nobody in another.
 */
async function requireInstanceAdmin(deps: AppDeps, ctx: AppContext) {
  if (ctx.actor.kind === 'system') return
  const user = ctx.actor.kind === 'user' ? await deps.store.accounts.users.findById(ctx.actor.id) : undefined
  if (!user?.is_instance_admin) throw forbidden('Only an instance admin may manage organisations')
}

const slugTaken = (slug: string) =>
  conflict(`The slug "${slug}" is taken`, [{ path: 'slug', message: 'another organisation has it' }])

export async function listOrganisations(deps: AppDeps, ctx: AppContext) {
  await requireInstanceAdmin(deps, ctx)
  return (await deps.store.organisations.list()).map((o) => ({ ...o, members: Number(o.members) }))
}

/**
 * A new organisation and its owner's invitation, in one transaction: the owner gets the link by
 * email (through the outbox) or, without SMTP, the caller gets it once to pass on.
 */
export async function createOrganisation(deps: AppDeps, ctx: AppContext, raw: unknown) {
  await requireInstanceAdmin(deps, ctx)
  const input = parseInput(createOrganisationInput, raw)
  const email = normaliseEmail(input.owner_email)
  const orgId = randomUUID()
  const options = deps.accounts
  const invitedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null
  try {
    const created = await deps.store.transaction(
      orgId,
      async (tx, trx) => {
        const org = await deps.store.organisations.bind(trx).create({ id: orgId, slug: input.slug, name: input.name })
        const nonce = randomBytes(16).toString('base64url')
        const expiresAt = new Date(ctx.now.getTime() + options.invitationTtlMs)
        const invitation = await tx.accounts.invitations.create({
          email,
          role: 'owner',
          nonce,
          invitedBy,
          now: ctx.now,
          expiresAt,
        })
        const token = signToken(deps.secret, { purpose: 'invitation', subject: invitation.id, expiresAt, nonce })
        const url = `${deps.baseUrl.replace(/\/$/, '')}/invitations/accept?token=${encodeURIComponent(token)}`
        if (options.canSendEmail)
          await enqueueAccountMail(
            trx,
            invitationMail({
              to: email,
              orgId,
              orgName: org.name,
              inviterName: ctx.actor.name,
              role: 'owner',
              url,
              expiresAt,
            }),
            ctx.now,
          )
        // The new organisation's own log starts with who made it.
        await writeAudit(
          tx,
          { ...ctx, orgId },
          { action: 'organisation.created', objectType: 'organisation', after: org },
        )
        return {
          id: org.id,
          slug: org.slug,
          name: org.name,
          created_at: org.created_at,
          owner_invitation: {
            id: invitation.id,
            email,
            expires_at: expiresAt,
            emailed: options.canSendEmail,
            ...(options.canSendEmail ? {} : { accept_url: url }),
          },
        }
      },
      'create organisation',
    )
    if (options.canSendEmail) deps.outbox.wake()
    return created
  } catch (error) {
    if (isDbError(error, '23505')) throw slugTaken(input.slug)
    throw error
  }
}

export async function renameOrganisation(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  await requireInstanceAdmin(deps, ctx)
  const input = parseInput(renameOrganisationInput, raw)
  if (input.slug === undefined && input.name === undefined)
    throw invalid('Say what changes', [{ path: '', message: 'give slug, name or both' }])
  try {
    const row = await deps.store.transaction(
      id,
      async (tx, trx) => {
        const before = await deps.store.organisations.bind(trx).findById(id)
        if (!before) return null
        const after = await deps.store.organisations.bind(trx).rename(id, input)
        await writeAudit(tx, { ...ctx, orgId: id }, { action: 'organisation.renamed', before, after })
        return after ?? null
      },
      'rename organisation',
    )
    if (!row) throw notFound('Organisation')
    // Status pages show the organisation nowhere, but page addresses under its slug may change.
    deps.events.emit('page.changed', { orgId: id, pageId: null })
    return { id: row.id, slug: row.slug, name: row.name, created_at: row.created_at }
  } catch (error) {
    if (isDbError(error, '23505')) throw slugTaken(input.slug ?? '')
    throw error
  }
}

/**
 * Deletes an organisation with everything it holds. The caller names its slug again (`confirm`),
 * so an id pasted into the wrong place deletes nothing; the last organisation cannot go.
 */
export async function deleteOrganisation(deps: AppDeps, ctx: AppContext, id: string, confirm: unknown) {
  await requireInstanceAdmin(deps, ctx)
  const org = await deps.store.organisations.findById(id)
  if (!org) throw notFound('Organisation')
  if (confirm !== org.slug)
    throw invalid('Confirm with the organisation’s slug', [
      { path: 'confirm', message: `must be "${org.slug}" to delete ${org.name}` },
    ])
  if ((await deps.store.organisations.count()) <= 1)
    throw conflict('The last organisation cannot be deleted', [{ path: 'id', message: 'it is the only one' }])
  const removed = await deps.store.run('delete organisation', (trx) => deps.store.organisations.bind(trx).remove(id))
  if (!removed) throw notFound('Organisation')
  deps.events.emit('page.changed', { orgId: id, pageId: null })
}

/** For the command line: acts as the instance itself. */
export const instanceContext = (now: Date) => systemContext('00000000-0000-0000-0000-000000000000', now, 'cli')

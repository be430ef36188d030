import { normaliseEmail, passwordProblems } from '../../domain/access/password-policy.js'
import { hashPassword } from '../../auth/password.js'
import { systemContext, type AppDeps } from '../context.js'
import { writeAudit } from './audit.js'
import { makeSignInLink } from './sign-in-links.js'

export interface OwnerBootstrap {
  email: string
  /** A one-time sign-in link, when no password was configured. */
  signInUrl?: string
  expiresAt?: Date
}

const linkTtlMs = 24 * 3_600_000

/**
 * First start only (no person exists yet): makes the owner of the first organisation, with
 * the configured password or a one-time sign-in link to print. Later starts do nothing.
 */
export async function bootstrapOwner(
  deps: AppDeps,
  options: { email?: string; password?: string; now: Date },
): Promise<OwnerBootstrap | null> {
  const accounts = deps.store.accounts
  if ((await accounts.users.count()) > 0) return null
  const org = await accounts.firstOrganisation()
  if (!org) return null
  const email = normaliseEmail(options.email ?? 'owner@localhost')
  if (options.password !== undefined) {
    const problems = passwordProblems(options.password, { email })
    if (problems.length) throw new Error(`CANDOR_ADMIN_PASSWORD ${problems.join('; ')}`)
  }
  const hash = options.password === undefined ? null : await hashPassword(options.password)
  const user = await deps.store.transaction(org.id, async (tx, raw) => {
    const bound = deps.store.accounts.bind(raw)
    const person = await bound.users.create({ email, name: 'Owner', isInstanceAdmin: true })
    await bound.users.addMembership({ userId: person.id, orgId: org.id, role: 'owner' })
    if (hash) await bound.users.setPasswordHash(person.id, hash, options.now)
    await writeAudit(tx, systemContext(org.id, options.now, 'first start'), {
      action: 'member.joined',
      objectType: 'member',
      objectId: person.id,
      after: { email, role: 'owner' },
    })
    return person
  })
  if (hash) return { email }
  const link = makeSignInLink(deps, user.id, options.now, linkTtlMs)
  return { email, signInUrl: link.url, expiresAt: link.expiresAt }
}

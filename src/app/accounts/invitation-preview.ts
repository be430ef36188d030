import { verifySignedToken } from '../../auth/signed-token.js'
import type { AppDeps } from '../context.js'

/** What the acceptance page shows before anything is used: whose invitation, and whether a password is needed. */
export async function previewInvitation(deps: AppDeps, token: string, now: Date) {
  const checked = verifySignedToken(deps.secret, token, { purpose: 'invitation', now })
  if (!checked.ok) return null
  const invitation = await deps.store.accounts.invitationById(checked.subject)
  if (
    !invitation ||
    invitation.nonce !== checked.nonce ||
    invitation.accepted_at ||
    invitation.revoked_at ||
    invitation.expires_at <= now
  )
    return null
  const org = await deps.store.organisations.findById(invitation.org_id)
  const existing = await deps.store.accounts.users.findByEmail(invitation.email)
  return { orgName: org?.name ?? '', role: invitation.role, email: invitation.email, needsPassword: !existing }
}

import { auditStore } from './audit-store.js'
import { invitationsStore } from './invitations-store.js'
import { membersStore } from './members-store.js'
import { orgTokensStore } from './org-tokens-store.js'
import type { Executor } from './schema/index.js'

/** Accounts inside one organisation: members, invitations, API tokens and the audit log. */
export function orgAccountsStore(db: Executor, orgId: string) {
  return {
    members: membersStore(db, orgId),
    invitations: invitationsStore(db, orgId),
    tokens: orgTokensStore(db, orgId),
    audit: auditStore(db, orgId),
  }
}

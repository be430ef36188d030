import { defaultLockoutRule, type LockoutRule } from '../../domain/access/sign-in-lockout.js'
import { defaultSessionRule, type SessionRule } from '../../domain/access/session-rule.js'

export interface AccountsOptions {
  /** Whether invitation and sign-in mail can be sent (SMTP_URL set); if not, links are shown to the inviter. */
  canSendEmail: boolean
  sessionRule: SessionRule
  lockoutRule: LockoutRule
  invitationTtlMs: number
  signInLinkTtlMs: number
}

const day = 24 * 3_600_000

export const defaultAccountsOptions: AccountsOptions = {
  canSendEmail: false,
  sessionRule: defaultSessionRule,
  lockoutRule: defaultLockoutRule,
  invitationTtlMs: 7 * day,
  signInLinkTtlMs: 15 * 60_000,
}

/** Who a public request came from, before any context exists. */
export interface RequestMeta {
  now: Date
  ip?: string
  userAgent?: string
}

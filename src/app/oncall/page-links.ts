import { signToken, verifySignedToken } from '../../auth/signed-token.js'
import type { AppDeps } from '../context.js'
import { respond } from './respond-to-page.js'

export const pageLinkActions = ['acknowledge', 'escalate'] as const
export type PageLinkAction = (typeof pageLinkActions)[number]

/** Long enough to answer a night-time page in the morning, short enough that old mail is inert. */
export const PAGE_LINK_TTL_MS = 24 * 3_600_000

const purposeOf = (action: PageLinkAction) => `oncall.page.${action}`
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const subjectPattern = new RegExp(`^(${uuid})/(${uuid})/(${uuid})$`, 'i')

export function pageLinkUrl(
  deps: Pick<AppDeps, 'secret' | 'baseUrl'>,
  link: { orgId: string; pageId: string; userId: string; action: PageLinkAction; now: Date },
): string {
  const token = signToken(deps.secret, {
    purpose: purposeOf(link.action),
    subject: `${link.orgId}/${link.pageId}/${link.userId}`,
    expiresAt: new Date(link.now.getTime() + PAGE_LINK_TTL_MS),
  })
  // In the query, not the path: a signed token is longer than the router allows a path segment.
  return `${deps.baseUrl}/oncall/links/${link.action}?token=${token}`
}

export type PageLinkCheck =
  | { ok: true; orgId: string; pageId: string; userId: string; nonce: string }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' }

/** A forged, altered or expired link fails here, before anything is looked up. */
export function checkPageLink(
  deps: Pick<AppDeps, 'secret'>,
  action: PageLinkAction,
  token: string,
  now: Date,
): PageLinkCheck {
  const check = verifySignedToken(deps.secret, token, { purpose: purposeOf(action), now })
  if (!check.ok) return check
  const match = subjectPattern.exec(check.subject)
  if (!match) return { ok: false, reason: 'malformed' }
  return { ok: true, orgId: match[1]!, pageId: match[2]!, userId: match[3]!, nonce: check.nonce }
}

export type PageLinkOutcome =
  | {
      result: 'done' | 'already-used' | 'nothing-to-do'
      page: { id: string; summary: string; status: string }
      detail?: string
    }
  | { result: 'invalid' | 'expired' | 'not-found' }

async function pageSummary(deps: AppDeps, orgId: string, pageId: string) {
  const page = await deps.store.forOrg(orgId).oncall.pages.get(pageId)
  return page ? { id: page.id, summary: page.summary, status: page.status } : null
}

/** What the landing page shows before anyone confirms; spends nothing, so mail scanners opening it change nothing. */
export async function previewPageLink(
  deps: AppDeps,
  action: PageLinkAction,
  token: string,
  now: Date,
): Promise<PageLinkOutcome> {
  const check = checkPageLink(deps, action, token, now)
  if (!check.ok) return { result: check.reason === 'expired' ? 'expired' : 'invalid' }
  const page = await pageSummary(deps, check.orgId, check.pageId)
  return page ? { result: 'nothing-to-do', page } : { result: 'not-found' }
}

/** Acts on a link: its nonce is spent in the same transaction as the response, so it works once. */
export async function actOnPageLink(
  deps: AppDeps,
  action: PageLinkAction,
  token: string,
  now: Date,
): Promise<PageLinkOutcome> {
  const check = checkPageLink(deps, action, token, now)
  if (!check.ok) return { result: check.reason === 'expired' ? 'expired' : 'invalid' }
  const outcome = await deps.store.transaction(check.orgId, async (tx) => {
    const page = await tx.oncall.pages.get(check.pageId)
    if (!page) return null
    if (!(await tx.oncall.pages.spendNonce(check.nonce, check.pageId, now))) return 'already-used' as const
    const [member] = await tx.oncall.people.members([check.userId])
    const actorName = member ? member.name || member.email : check.userId
    return respond(
      tx.oncall,
      check.pageId,
      action,
      { userId: member ? check.userId : null, actorName, via: 'link' },
      now,
    )
  })
  if (action === 'escalate') deps.outbox.wake()
  const page = await pageSummary(deps, check.orgId, check.pageId)
  if (!outcome || !page) return { result: 'not-found' }
  if (outcome === 'already-used') return { result: 'already-used', page }
  if (outcome.ignoredBecause) return { result: 'nothing-to-do', page, detail: outcome.ignoredBecause }
  return { result: 'done', page }
}

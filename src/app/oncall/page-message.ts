import type { OutboundMessage } from '../../delivery/channels/channel.js'
import { escapeHtml } from '../../text/escape-html.js'
import type { AppDeps } from '../context.js'
import { pageLinkUrl } from './page-links.js'

export interface PageNotification {
  id: string
  orgId: string
  pageId: string
  userId: string
  kind: string
  address: string
  levelIndex: number
  isFallback: boolean
  secret: string | null
  page: { summary: string; details: string; createdAt: Date }
}

/**
 * One page, said the same way on every channel: what fired, which level, and the two signed
 * links (acknowledge, escalate) made for this person alone.
 */
export function pageMessage(
  deps: Pick<AppDeps, 'secret' | 'baseUrl'>,
  n: PageNotification,
  now: Date,
): OutboundMessage {
  const link = (action: 'acknowledge' | 'escalate') =>
    pageLinkUrl(deps, { orgId: n.orgId, pageId: n.pageId, userId: n.userId, action, now })
  const acknowledgeUrl = link('acknowledge')
  const escalateUrl = link('escalate')
  const level = n.isFallback ? 'fallback' : `level ${n.levelIndex + 1}`
  const subject = `[Page] ${n.page.summary}`
  const text = [
    `You are paged (${level}): ${n.page.summary}`,
    ...(n.page.details ? ['', n.page.details] : []),
    '',
    `Acknowledge: ${acknowledgeUrl}`,
    `Escalate to the next level: ${escalateUrl}`,
    '',
    'Each link works once and expires in 24 hours.',
  ].join('\n')
  const html = [
    `<p>You are paged (${escapeHtml(level)}): <strong>${escapeHtml(n.page.summary)}</strong></p>`,
    ...(n.page.details ? [`<p>${escapeHtml(n.page.details).replace(/\n/g, '<br>')}</p>`] : []),
    `<p><a href="${escapeHtml(acknowledgeUrl)}">Acknowledge</a> · ` +
      `<a href="${escapeHtml(escalateUrl)}">Escalate to the next level</a></p>`,
    '<p>Each link works once and expires in 24 hours.</p>',
  ].join('\n')
  return {
    idempotencyKey: n.id,
    address: n.address,
    subject,
    text,
    html,
    writtenAt: n.page.createdAt,
    ...(n.secret ? { secret: n.secret } : {}),
    payload: {
      type: 'oncall.page',
      id: n.id,
      page: {
        id: n.pageId,
        summary: n.page.summary,
        details: n.page.details,
        level: n.isFallback ? null : n.levelIndex + 1,
        is_fallback: n.isFallback,
      },
      user_id: n.userId,
      links: { acknowledge: acknowledgeUrl, escalate: escalateUrl },
    },
  }
}

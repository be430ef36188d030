import { checkInLinkUrl } from '../../app/oncall/check-in-links.js'
import { pageMessage } from '../../app/oncall/page-message.js'
import { freezeWebhookSecret } from '../../app/process/freeze-webhook-secret.js'
import { isIncidentRole } from '../../domain/process/incident-roles.js'
import { type NoticeContent, type NoticeKind, noticeSubject, noticeText } from '../../domain/template/notice-message.js'
import { teamNoticeFromTemplate } from '../../domain/template/team-notice-message.js'
import type { TemplateOverride } from '../../domain/template/template-overrides.js'
import type { OutboundMessage } from '../channels/channel.js'
import type { Composed, OtherComposer } from './message-composer.js'
import type { ClaimedDelivery } from './outbox-port.js'

export interface OtherMessagesDeps {
  secret: string
  baseUrl: string
  now: () => Date
  /** From addresses by who speaks: the on-call rota, the incident process, account mail. */
  from: { oncall: string; incidents: string; accounts: string }
  /** The organisation's own templates: a team notice uses its internal email template when it wrote one. */
  loadTemplates?(orgId: string): Promise<readonly TemplateOverride[]>
  loadPageNotification(
    orgId: string,
    notificationId: string,
  ): Promise<
    | {
        page_id: string
        user_id: string
        level_index: number
        is_fallback: boolean
        summary: string
        details: string
        page_status: string
        page_created_at: Date
        secret: string | null
      }
    | undefined
  >
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The messages that are not a subscriber's. What they say was decided when they were queued
 * (the row's content); links that act (check in, acknowledge) are signed now, at sending, so
 * a queued row holds nothing anyone could use.
 */
export function createOtherMessages(deps: OtherMessagesDeps): OtherComposer {
  const incidentUrl = (id: string | null) => `${deps.baseUrl}/console/incidents${id ? `/${id}` : ''}`

  async function notice(delivery: ClaimedDelivery, key: string): Promise<Composed> {
    const content = (delivery.content ?? {}) as unknown as NoticeContent & { personId?: string | null }
    const kind = delivery.kind as NoticeKind
    const role = content.role
    const checkIn =
      kind === 'role_notice' &&
      (content.reason === 'role_assigned' || content.reason === 'backup_takeover') &&
      delivery.orgId &&
      delivery.incidentId &&
      isIncidentRole(role) &&
      typeof content.personId === 'string' &&
      uuidPattern.test(content.personId)
        ? checkInLinkUrl(deps, {
            orgId: delivery.orgId,
            incidentId: delivery.incidentId,
            role,
            userId: content.personId,
            now: deps.now(),
          })
        : null
    const links = { incidentUrl: incidentUrl(delivery.incidentId), checkInUrl: checkIn }
    const own =
      kind === 'team_notice' && delivery.orgId && deps.loadTemplates
        ? teamNoticeFromTemplate(
            { ...content, incidentTitle: text(content.incidentTitle), text: text(content.text) },
            links,
            await deps.loadTemplates(delivery.orgId),
          )
        : null
    const subject = own?.subject ?? noticeSubject(kind, { ...content, incidentTitle: text(content.incidentTitle) })
    const body = own?.text ?? noticeText(content, links)
    const message: OutboundMessage = {
      idempotencyKey: key,
      address: delivery.address,
      subject,
      text: body,
      from: deps.from.incidents,
    }
    if (delivery.channel !== 'email' && delivery.orgId) {
      message.secret = freezeWebhookSecret(deps.secret, delivery.orgId)
      message.payload = {
        id: key,
        type: 'incident.notice',
        event: content.event ?? content.reason ?? content.stage ?? null,
        subject,
        text: content.text,
        is_drill: Boolean(content.isDrill),
        incident: { id: delivery.incidentId, title: content.incidentTitle, url: incidentUrl(delivery.incidentId) },
      }
    }
    return { message }
  }

  async function page(delivery: ClaimedDelivery, key: string): Promise<Composed> {
    if (!delivery.orgId || !delivery.sourceId) throw new Error(`page message ${delivery.id} names no notification`)
    const found = await deps.loadPageNotification(delivery.orgId, delivery.sourceId)
    if (!found) return { skip: 'the page is gone' }
    if (found.page_status !== 'triggered') return { skip: `the page was ${found.page_status} before this was sent` }
    const message = pageMessage(
      deps,
      {
        id: key,
        orgId: delivery.orgId,
        pageId: found.page_id,
        userId: found.user_id,
        kind: delivery.channel,
        address: delivery.address,
        levelIndex: found.level_index,
        isFallback: found.is_fallback,
        secret: found.secret,
        page: { summary: found.summary, details: found.details, createdAt: found.page_created_at },
      },
      deps.now(),
    )
    return { message: { ...message, idempotencyKey: key, from: deps.from.oncall } }
  }

  function freeze(delivery: ClaimedDelivery, key: string): Composed {
    const content = delivery.content ?? {}
    if (!delivery.orgId) throw new Error(`freeze webhook ${delivery.id} names no organisation`)
    const body = (content.body ?? {}) as Record<string, unknown>
    return {
      message: {
        idempotencyKey: key,
        address: delivery.address,
        subject: text(content.event) || 'freeze',
        text: '',
        payload: { id: key, ...body },
        secret: freezeWebhookSecret(deps.secret, delivery.orgId),
      },
    }
  }

  function accountMail(delivery: ClaimedDelivery, key: string): Composed {
    const content = delivery.content ?? {}
    return {
      message: {
        idempotencyKey: key,
        address: delivery.address,
        subject: text(content.subject),
        text: text(content.text),
        ...(typeof content.html === 'string' ? { html: content.html } : {}),
        from: deps.from.accounts,
      },
    }
  }

  return async (delivery, key) => {
    switch (delivery.kind) {
      case 'stakeholder_notice':
      case 'team_notice':
      case 'role_notice':
        return notice(delivery, key)
      case 'page':
        return page(delivery, key)
      case 'freeze_webhook':
        return freeze(delivery, key)
      case 'account_mail':
        return accountMail(delivery, key)
      default:
        throw new Error(`no composer for ${delivery.kind} messages`)
    }
  }
}

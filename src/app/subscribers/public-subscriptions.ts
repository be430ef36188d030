import {
  confirmationExpiresAt,
  confirmSubscription,
  isPlausibleEmail,
  normaliseEmail,
  type SubscriberState,
} from '../../domain/delivery/subscription.js'
import { publicSubscribersStore } from '../../store/subscribers-store.js'
import type { AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { checkComponents } from './manage-subscribers.js'
import { publicSubscribeInput } from './subscriber-input.js'
import { isValidLinkToken, pagePublicUrl, type LinkPurpose } from './subscriber-links.js'
import { addressKeyOf } from './subscriber-view.js'

/**
 * What anyone can do without an account: subscribe by email from the status page (double
 * opt-in), confirm, unsubscribe. The answer to a subscribe request never says whether the
 * address was already known, so the form cannot be used to probe a list.
 */
export interface PublicPage {
  id: string
  org_id: string
  slug: string
  name: string
  locale: string
}

// A second request for the same address within this window sends no second mail (mail-bombing).
const resendAfterMs = 5 * 60_000

export async function subscribeByEmail(
  deps: AppDeps,
  page: PublicPage,
  raw: unknown,
  now: Date,
): Promise<{ accepted: true }> {
  const input = parseInput(publicSubscribeInput, raw)
  const email = normaliseEmail(input.email)
  if (!isPlausibleEmail(email))
    throw invalid('The request is invalid', [{ path: 'email', message: 'must be an email address' }])
  const componentIds =
    input.component_ids === undefined
      ? []
      : Array.isArray(input.component_ids)
        ? input.component_ids
        : [input.component_ids]
  const settings = deps.subscribers
  const expiresAt = confirmationExpiresAt(now, settings.confirmationTtlMs)
  const queued = await deps.store.transaction(page.org_id, async (tx) => {
    await checkComponents(tx, page.id, componentIds)
    const existing = await tx.subscribers.findByAddress(page.id, 'email', addressKeyOf('email', email))
    const choices = { locale: input.locale ?? null, componentIds }
    if (!existing) {
      const row = await tx.subscribers.create({
        pageId: page.id,
        channel: 'email',
        address: email,
        addressKey: addressKeyOf('email', email),
        ...choices,
        state: 'pending',
        source: 'form',
        confirmationExpiresAt: expiresAt,
      })
      await tx.deliveries.enqueueConfirmation({ id: row.id, pageId: page.id, channel: 'email' }, now)
      return true
    }
    if (existing.state === 'active') return false
    if (existing.state === 'pending' && now.getTime() - existing.updated_at.getTime() < resendAfterMs) return false
    await tx.subscribers.update(
      existing.id,
      { ...choices, state: 'pending', confirmationExpiresAt: expiresAt, disabledAt: null, disabledReason: null },
      now,
    )
    await tx.deliveries.enqueueConfirmation({ id: existing.id, pageId: page.id, channel: 'email' }, now)
    return true
  })
  if (queued) deps.outbox.wake()
  return { accepted: true }
}

async function subscriberByLink(deps: AppDeps, id: string, token: unknown, purpose: LinkPurpose) {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await publicSubscribersStore(deps.store.db).get(id) : undefined
  // A wrong token and an unknown id look the same from outside.
  if (!row || !isValidLinkToken(deps.secret, purpose, id, token)) throw notFound('Subscription')
  return row
}

export type ConfirmResult = {
  outcome: 'confirmed' | 'already_active' | 'expired' | 'not_pending'
  pageId: string
  orgId: string
  locale: string | null
}

export async function confirmByLink(deps: AppDeps, id: string, token: unknown, now: Date): Promise<ConfirmResult> {
  const row = await subscriberByLink(deps, id, token, 'confirm')
  const decision = confirmSubscription(
    { state: row.state as SubscriberState, confirmationExpiresAt: row.confirmation_expires_at },
    now,
  )
  if (decision.kind === 'confirm') {
    await deps.store
      .forOrg(row.org_id)
      .subscribers.update(id, { state: 'active', confirmedAt: now, confirmationExpiresAt: null }, now)
  }
  const outcome = decision.kind === 'confirm' ? 'confirmed' : decision.kind
  return { outcome, pageId: row.page_id, orgId: row.org_id, locale: row.locale }
}

/** Idempotent: a second click (or a mail client's RFC 8058 POST after a human click) changes nothing. */
export async function unsubscribeByLink(
  deps: AppDeps,
  id: string,
  token: unknown,
  now: Date,
): Promise<{ address: string; pageId: string; orgId: string; locale: string | null }> {
  const row = await subscriberByLink(deps, id, token, 'unsubscribe')
  if (row.state !== 'unsubscribed') {
    await deps.store.forOrg(row.org_id).subscribers.update(id, { state: 'unsubscribed', unsubscribedAt: now }, now)
  }
  return { address: row.address, pageId: row.page_id, orgId: row.org_id, locale: row.locale }
}

/** A page as the public pages show it: name, language, colour and where its status lives. */
/** In the subscriber's own language when they chose one. */
export async function publicPageLook(deps: AppDeps, pageId: string, locale?: string | null) {
  const page = await publicSubscribersStore(deps.store.db).pageOf(pageId)
  if (!page) throw notFound('Status page')
  const brandColor = typeof page.branding.brandColor === 'string' ? page.branding.brandColor : undefined
  return {
    name: page.name,
    locale: locale ?? page.locale,
    statusUrl: pagePublicUrl(page, deps.baseUrl),
    ...(brandColor ? { brandColor } : {}),
  }
}

/** For the unsubscribe page's question ("Unsubscribe a…@example.com?"), without changing anything. */
export async function describeLink(deps: AppDeps, id: string, token: unknown, purpose: LinkPurpose) {
  const row = await subscriberByLink(deps, id, token, purpose)
  return { address: row.address, state: row.state, pageId: row.page_id, orgId: row.org_id, locale: row.locale }
}

/** What confirming would do now, without doing it: the page a confirmation link opens asks first. */
export async function previewConfirmation(deps: AppDeps, id: string, token: unknown, now: Date) {
  const row = await subscriberByLink(deps, id, token, 'confirm')
  const decision = confirmSubscription(
    { state: row.state as SubscriberState, confirmationExpiresAt: row.confirmation_expires_at },
    now,
  )
  const outcome = decision.kind === 'confirm' ? ('would_confirm' as const) : decision.kind
  return { outcome, address: row.address, pageId: row.page_id, locale: row.locale }
}

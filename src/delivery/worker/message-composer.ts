import { idempotencyKey } from '../../domain/delivery/idempotency-key.js'
import type { MessageFacts } from '../../domain/template/message-facts.js'
import { isTemplateChannel, type TemplateChannel } from '../../domain/template/message-kinds.js'
import { type Brand, personalise, type RenderedMessage, renderMessage } from '../../domain/template/render-message.js'
import { renderConfirmation } from '../../domain/template/subscription-messages.js'
import { overridesFor, type TemplateOverride } from '../../domain/template/template-overrides.js'
import type { OutboundMessage } from '../channels/channel.js'
import type { ClaimedDelivery } from './outbox-port.js'

/** A page as its messages show it. */
export interface PageFacts {
  name: string
  statusUrl: string
  locale: string
  brand: Brand
}

/** Everything about one published update that its messages say, loaded once per update. */
export interface UpdateFacts {
  facts: MessageFacts
  page: PageFacts
  writtenAt: Date
  /** The structured part of the webhook event (page, incident, update); the message is added per recipient. */
  event: Record<string, unknown>
  /** The organisation's own templates and sign-off, as they were when the update was first composed. */
  templates?: readonly TemplateOverride[]
  signOff?: string
}

/** What a claimed row becomes: a message to send, or the reason it no longer needs sending. */
export type Composed = { message: OutboundMessage } | { skip: string }

/** Composes the messages that are not a subscriber's (notices, pages, freeze webhooks, account mail). */
export type OtherComposer = (delivery: ClaimedDelivery, key: string) => Promise<Composed>

export interface ComposerDeps {
  /** Makes the idempotency keys (domain/delivery/idempotency-key.ts). */
  secret: string
  loadUpdate(orgId: string, updateId: string): Promise<UpdateFacts>
  loadPage(pageId: string): Promise<PageFacts>
  unsubscribeUrl(delivery: ClaimedDelivery): string
  confirmUrl(delivery: ClaimedDelivery): string
  /** Email From for a page: `"<page name>" <status@…>`. */
  fromFor(page: PageFacts): string
  confirmationValidHours: number
  /** Every other kind; absent in tests that only send subscriber messages. */
  other?: OtherComposer
}

const maxCached = 64

/** A small cache that forgets everything when full: updates come and go, a fan-out reuses one. */
function cache<T>() {
  const map = new Map<string, T>()
  return {
    get: (key: string, make: () => T): T => {
      let value = map.get(key)
      if (value === undefined) {
        if (map.size >= maxCached) map.clear()
        value = make()
        map.set(key, value)
      }
      return value
    },
    delete: (key: string) => map.delete(key),
  }
}

/** The subscriber left after the row was queued, or the confirmation is no longer wanted or valid. */
export function mootReason(delivery: ClaimedDelivery, now: Date): string | null {
  if (delivery.kind === 'confirmation') {
    if (delivery.subscriberState !== 'pending') return 'the subscription is no longer waiting for confirmation'
    if (delivery.confirmationExpiresAt !== null && delivery.confirmationExpiresAt <= now)
      return 'the confirmation link expired'
    return null
  }
  return delivery.subscriberId !== null && delivery.subscriberState !== 'active' ? 'the subscriber left' : null
}

export function keyFor(secret: string, delivery: ClaimedDelivery): string {
  return delivery.kind === 'update' && delivery.updateId && delivery.subscriberId
    ? idempotencyKey(secret, {
        kind: 'update',
        updateId: delivery.updateId,
        subscriberId: delivery.subscriberId,
        channel: delivery.channel,
      })
    : idempotencyKey(secret, { kind: delivery.kind, rowId: delivery.id })
}

/**
 * Renders each (update, stage, channel, locale, audience) once and personalises per
 * recipient, so a 100,000-subscriber fan-out renders a handful of templates, not 100,000.
 */
export function createMessageComposer(deps: ComposerDeps) {
  const updates = cache<Promise<UpdateFacts>>()
  const pages = cache<Promise<PageFacts>>()
  const rendered = new Map<string, RenderedMessage>()

  const remembered = <T>(store: ReturnType<typeof cache<Promise<T>>>, key: string, load: () => Promise<T>) =>
    store.get(key, () => {
      const promise = load()
      promise.catch(() => store.delete(key))
      return promise
    })

  function renderedFor(key: string, make: () => RenderedMessage): RenderedMessage {
    let message = rendered.get(key)
    if (!message) {
      if (rendered.size >= maxCached * 8) rendered.clear()
      message = make()
      rendered.set(key, message)
    }
    return message
  }

  async function composeConfirmation(delivery: ClaimedDelivery, key: string): Promise<OutboundMessage> {
    const pageId = delivery.pageId
    if (!pageId) throw new Error(`confirmation ${delivery.id} names no status page`)
    const page = await remembered(pages, pageId, () => deps.loadPage(pageId))
    const message = renderConfirmation({
      locale: delivery.locale ?? page.locale,
      pageName: page.name,
      statusUrl: page.statusUrl,
      confirmUrl: deps.confirmUrl(delivery),
      validHours: deps.confirmationValidHours,
      brand: page.brand,
    })
    return {
      idempotencyKey: key,
      address: delivery.address,
      locale: message.locale,
      subject: message.subject,
      text: message.text,
      html: message.html,
      from: deps.fromFor(page),
    }
  }

  async function composeUpdate(delivery: ClaimedDelivery, key: string): Promise<OutboundMessage> {
    const { updateId, stage, orgId } = delivery
    if (!updateId || !stage || !orgId) throw new Error(`delivery ${delivery.id} names no update or stage`)
    const update = await remembered(updates, updateId, () => deps.loadUpdate(orgId, updateId))
    const channel: TemplateChannel = isTemplateChannel(delivery.channel) ? delivery.channel : 'webhook'
    const locale = delivery.locale ?? update.page.locale
    const message = renderedFor([updateId, stage, channel, locale, delivery.audience].join('|'), () =>
      renderMessage({
        stage,
        channel,
        audience: delivery.audience,
        locale,
        facts: update.facts,
        brand: update.page.brand,
        overrides: overridesFor({ stage, channel, audience: delivery.audience, locale }, update.templates ?? []),
        ...(update.signOff ? { signOff: update.signOff } : {}),
      }),
    )
    const base = { idempotencyKey: key, address: delivery.address, locale: message.locale, writtenAt: update.writtenAt }
    if (channel === 'email') {
      const unsubscribeUrl = deps.unsubscribeUrl(delivery)
      const personal = personalise(message, { unsubscribeUrl })
      return {
        ...base,
        subject: personal.subject,
        text: personal.text,
        html: personal.html,
        unsubscribeUrl,
        from: deps.fromFor(update.page),
      }
    }
    const payload = {
      id: key,
      ...update.event,
      message: { stage, locale: message.locale, subject: message.subject, text: message.text, short: message.short },
    }
    return {
      ...base,
      subject: message.subject,
      text: message.text,
      payload,
      ...(delivery.secret ? { secret: delivery.secret } : {}),
    }
  }

  async function compose(delivery: ClaimedDelivery, now: Date): Promise<Composed> {
    const moot = mootReason(delivery, now)
    if (moot) return { skip: moot }
    const key = keyFor(deps.secret, delivery)
    if (delivery.kind === 'confirmation') return { message: await composeConfirmation(delivery, key) }
    if (delivery.kind === 'update') return { message: await composeUpdate(delivery, key) }
    if (!deps.other) throw new Error(`no composer for ${delivery.kind} messages`)
    return deps.other(delivery, key)
  }

  return { compose }
}
export type MessageComposer = ReturnType<typeof createMessageComposer>

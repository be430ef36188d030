import type { Selectable } from 'kysely'
import type { SubscribersTable } from '../../store/schema/subscribers.js'

export type SubscriberRow = Selectable<SubscribersTable>

/** What the API shows of a subscriber: never the webhook secret (shown once, at creation). */
export function subscriberView(row: SubscriberRow) {
  return {
    id: row.id,
    page_id: row.page_id,
    channel: row.channel,
    address: row.address,
    locale: row.locale,
    audience: row.audience,
    component_ids: row.component_ids,
    state: row.state,
    source: row.source,
    confirmation_expires_at: row.confirmation_expires_at,
    confirmed_at: row.confirmed_at,
    unsubscribed_at: row.unsubscribed_at,
    disabled_at: row.disabled_at,
    disabled_reason: row.disabled_reason,
    consecutive_failures: row.consecutive_failures,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
export type SubscriberView = ReturnType<typeof subscriberView>

export function addressKeyOf(channel: string, address: string): string {
  return channel === 'email' ? address.trim().toLowerCase() : address.trim()
}

/** Keyset cursor for newest-first paging: the last row's created_at and id. */
export function cursorOf(row: { created_at: Date; id: string }): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url')
}

export function parseCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  const createdAt = new Date(at ?? '')
  return id && !Number.isNaN(createdAt.getTime()) && /^[0-9a-f-]{36}$/i.test(id) ? { createdAt, id } : undefined
}

import { sql } from 'kysely'
import { uuidArray } from './sql-arrays.js'
import type { Executor } from './schema/index.js'

export interface SubscriberWrite {
  pageId: string
  channel: string
  address: string
  addressKey: string
  locale?: string | null
  audience?: string
  componentIds?: string[]
  state: string
  secret?: string | null
  source?: string
  confirmationExpiresAt?: Date | null
  confirmedAt?: Date | null
}

export interface SubscriberPatch {
  locale?: string | null
  audience?: string
  componentIds?: string[]
  state?: string
  secret?: string | null
  confirmationExpiresAt?: Date | null
  confirmationSentAt?: Date | null
  confirmedAt?: Date | null
  unsubscribedAt?: Date | null
  disabledAt?: Date | null
  disabledReason?: string | null
}

export interface SubscriberFilter {
  pageId?: string
  /** Address prefix, case-insensitive. */
  q?: string
  channel?: string
  state?: string
  ids?: string[]
}

/** Subscribers of one organisation; every query carries org_id. */
export function subscribersStore(db: Executor, orgId: string) {
  const filtered = (filter: SubscriberFilter) => {
    let query = db.selectFrom('subscribers').where('org_id', '=', orgId)
    if (filter.pageId) query = query.where('page_id', '=', filter.pageId)
    if (filter.channel) query = query.where('channel', '=', filter.channel)
    if (filter.state) query = query.where('state', '=', filter.state)
    if (filter.ids) query = query.where('id', '=', sql<string>`any(${uuidArray(filter.ids)})`)
    if (filter.q) query = query.where('address_key', 'like', `${filter.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`)
    return query
  }
  const values = (input: SubscriberWrite) => ({
    org_id: orgId,
    page_id: input.pageId,
    channel: input.channel,
    address: input.address,
    address_key: input.addressKey,
    locale: input.locale ?? null,
    audience: input.audience ?? 'customer',
    component_ids: uuidArray(input.componentIds ?? []),
    state: input.state,
    secret: input.secret ?? null,
    source: input.source ?? 'api',
    confirmation_expires_at: input.confirmationExpiresAt ?? null,
    confirmed_at: input.confirmedAt ?? null,
  })
  return {
    /** Newest first, keyset-paged by (created_at, id). */
    list: (filter: SubscriberFilter, page: { limit: number; before?: { createdAt: Date; id: string } }) => {
      let query = filtered(filter).selectAll()
      if (page.before) {
        const { createdAt, id } = page.before
        query = query.where((eb) =>
          eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
        )
      }
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute()
    },
    count: async (filter: SubscriberFilter) =>
      Number(
        (
          await filtered(filter)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    countByState: (pageId: string) =>
      db
        .selectFrom('subscribers')
        .select(['state', (eb) => eb.fn.countAll().as('n')])
        .where('org_id', '=', orgId)
        .where('page_id', '=', pageId)
        .groupBy('state')
        .execute(),
    get: (id: string) =>
      db.selectFrom('subscribers').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
    findByAddress: (pageId: string, channel: string, addressKey: string) =>
      db
        .selectFrom('subscribers')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('page_id', '=', pageId)
        .where('channel', '=', channel)
        .where('address_key', '=', addressKey)
        .executeTakeFirst(),
    create: (input: SubscriberWrite) =>
      db.insertInto('subscribers').values(values(input)).returningAll().executeTakeFirstOrThrow(),
    /**
     * Import: new addresses are added; existing ones keep their state (an unsubscribe is never undone by an import).
     */
    insertMany: (inputs: SubscriberWrite[]) =>
      inputs.length === 0
        ? Promise.resolve([])
        : db
            .insertInto('subscribers')
            .values(inputs.map(values))
            .onConflict((oc) => oc.columns(['page_id', 'channel', 'address_key']).doNothing())
            .returning(['id', 'state', 'channel', 'page_id', 'address_key'])
            .execute(),
    /** Export: every subscriber of a page in batches, oldest first, keyset-paged by id. */
    batchAfter: (pageId: string, afterId: string | null, limit: number) => {
      let query = db.selectFrom('subscribers').selectAll().where('org_id', '=', orgId).where('page_id', '=', pageId)
      if (afterId) query = query.where('id', '>', afterId)
      return query.orderBy('id').limit(limit).execute()
    },
    update: (id: string, patch: SubscriberPatch, now: Date) =>
      db
        .updateTable('subscribers')
        .set({
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(patch.audience !== undefined ? { audience: patch.audience } : {}),
          ...(patch.componentIds !== undefined ? { component_ids: uuidArray(patch.componentIds) } : {}),
          ...(patch.state !== undefined ? { state: patch.state } : {}),
          ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
          ...(patch.confirmationExpiresAt !== undefined
            ? { confirmation_expires_at: patch.confirmationExpiresAt }
            : {}),
          ...(patch.confirmationSentAt !== undefined ? { confirmation_sent_at: patch.confirmationSentAt } : {}),
          ...(patch.confirmedAt !== undefined ? { confirmed_at: patch.confirmedAt } : {}),
          ...(patch.unsubscribedAt !== undefined ? { unsubscribed_at: patch.unsubscribedAt } : {}),
          ...(patch.disabledAt !== undefined ? { disabled_at: patch.disabledAt } : {}),
          ...(patch.disabledReason !== undefined ? { disabled_reason: patch.disabledReason } : {}),
          ...(patch.state === 'active' ? { consecutive_failures: 0, failing_since: null } : {}),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    /**
     * Deliveries have no foreign key to their subscriber (see the migration), so they go first. Run in a transaction.
     */
    async removeMany(filter: SubscriberFilter): Promise<number> {
      const ids = filtered(filter).select('id')
      await db.deleteFrom('deliveries').where('org_id', '=', orgId).where('subscriber_id', 'in', ids).execute()
      const result = await db
        .deleteFrom('subscribers')
        .where('org_id', '=', orgId)
        .where('id', 'in', ids)
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}

/** Confirm and unsubscribe links carry a subscriber id and a signed token, before any organisation is known. */
export function publicSubscribersStore(db: Executor) {
  return {
    get: (id: string) => db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst(),
    /** The page a link belongs to, to show its name, language and colours. */
    async pageOf(pageId: string) {
      const page = await db.selectFrom('status_pages').selectAll().where('id', '=', pageId).executeTakeFirst()
      if (!page) return undefined
      const hosts = await db
        .selectFrom('status_page_hostnames')
        .select('hostname')
        .where('page_id', '=', pageId)
        .orderBy('hostname')
        .execute()
      return { ...page, hostnames: hosts.map((h) => h.hostname) }
    },
  }
}

import { sql } from 'kysely'
import { json, type Executor } from './schema/index.js'

/** Kinds of message that are not a subscriber's: each is one row per recipient. */
export type MessageKind =
  | 'page'
  | 'stakeholder_notice'
  | 'team_notice'
  | 'role_notice'
  | 'freeze_webhook'
  | 'account_mail'

export interface MessageWrite {
  kind: MessageKind
  channel: 'email' | 'webhook' | 'slack'
  address: string
  incidentId?: string | null
  sourceId?: string | null
  /** What the message says or points at; rendered when it is sent. */
  content: Record<string, unknown>
  dueAt: Date
  /** A message that cannot be sent (nobody to send it to) is written as failed, with this reason. */
  failedBecause?: string
}

/** A message's state as people read it: a batched delivery going well stays 'pending' in its row. */
const shownStatus = sql<string>`CASE
  WHEN d.status = 'pending' AND b.acked_upto >= d.id THEN 'sent'
  WHEN d.status IN ('pending', 'sending') AND b.state = 'sending' THEN 'sending'
  WHEN d.status = 'pending' THEN 'queued'
  ELSE d.status END`

/**
 * The one outbox, as written by the use cases (in their own transaction) and read by people.
 * `orgId` null is the instance's own mail (sign-in links before an organisation is chosen).
 */
export function messagesStore(db: Executor, orgId: string | null) {
  return {
    async enqueue(rows: readonly MessageWrite[], now: Date): Promise<void> {
      if (rows.length === 0) return
      await db
        .insertInto('deliveries')
        .values(
          rows.map((r) => ({
            org_id: orgId,
            kind: r.kind,
            channel: r.channel,
            address: r.address,
            incident_id: r.incidentId ?? null,
            source_id: r.sourceId ?? null,
            content: json(r.content),
            next_attempt_at: r.dueAt,
            ...(r.failedBecause ? { status: 'failed', last_error: r.failedBecause, failed_at: now } : {}),
            created_at: now,
            updated_at: now,
          })),
        )
        .execute()
    },

    /** Every message of the organisation, newest first; subscriber fan-outs appear per recipient. */
    list(filter: { incidentId?: string; kind?: string; status?: string; before?: string; limit: number }) {
      if (orgId === null) throw new Error('listing needs an organisation')
      let query = db
        .selectFrom('deliveries as d')
        .leftJoin('delivery_batches as b', (join) =>
          join
            .onRef('b.batch_no', '=', 'd.batch_no')
            .onRef('b.channel', '=', 'd.channel')
            .onRef('b.update_id', '=', 'd.update_id'),
        )
        .leftJoin('subscribers as s', 's.id', 'd.subscriber_id')
        .select([
          sql<string>`d.id::text`.as('id'),
          'd.kind',
          'd.channel',
          sql<string>`coalesce(d.address, s.address)`.as('address'),
          'd.incident_id',
          'd.update_id',
          'd.stage',
          shownStatus.as('status'),
          'd.attempts',
          'd.last_error',
          'd.next_attempt_at',
          sql<Date | null>`coalesce(d.sent_at, CASE WHEN d.status =
          'pending' AND b.acked_upto >= d.id THEN b.updated_at END)`.as('sent_at'),
          'd.failed_at',
          'd.created_at',
        ])
        .where('d.org_id', '=', orgId)
      if (filter.incidentId) query = query.where('d.incident_id', '=', filter.incidentId)
      if (filter.kind) query = query.where('d.kind', '=', filter.kind)
      if (filter.status) query = query.where(shownStatus, '=', filter.status)
      if (filter.before) query = query.where('d.id', '<', filter.before)
      return query.orderBy('d.id', 'desc').limit(filter.limit).execute()
    },

    /**
     * What the incident's timeline shows of its outbound messages: one line per message sent
     * to many (an update's fan-out per channel, a notice to its recipients) with its states.
     */
    summaryForIncident(incidentId: string) {
      if (orgId === null) throw new Error('a summary needs an organisation')
      return db
        .selectFrom('deliveries as d')
        .leftJoin('delivery_batches as b', (join) =>
          join
            .onRef('b.batch_no', '=', 'd.batch_no')
            .onRef('b.channel', '=', 'd.channel')
            .onRef('b.update_id', '=', 'd.update_id'),
        )
        .select([
          'd.kind',
          'd.channel',
          'd.update_id',
          'd.stage',
          sql<Date>`min(d.created_at)`.as('queued_at'),
          sql<string>`count(*)::text`.as('total'),
          sql<string>`count(*) FILTER (WHERE ${shownStatus} = 'sent')::text`.as('sent'),
          sql<string>`count(*) FILTER (WHERE ${shownStatus} IN ('queued', 'sending'))::text`.as('queued'),
          sql<string>`count(*) FILTER (WHERE ${shownStatus} = 'retrying')::text`.as('retrying'),
          sql<string>`count(*) FILTER (WHERE ${shownStatus} = 'failed')::text`.as('failed'),
          sql<string>`count(*) FILTER (WHERE ${shownStatus} = 'skipped')::text`.as('skipped'),
          sql<string | null>`max(d.last_error)`.as('last_error'),
          sql<Date | null>`max(d.sent_at)`.as('last_sent_at'),
        ])
        .where('d.org_id', '=', orgId)
        .where('d.incident_id', '=', incidentId)
        .groupBy(['d.kind', 'd.channel', 'd.update_id', 'd.stage', sql`date_trunc('second', d.created_at)`])
        .orderBy(sql`min(d.created_at)`)
        .execute()
    },
  }
}
export type MessagesStore = ReturnType<typeof messagesStore>

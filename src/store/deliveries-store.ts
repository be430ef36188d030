import { sql } from 'kysely'
import type { Executor } from './schema/index.js'
import { uuidArray } from './sql-arrays.js'

export interface EnqueueUpdate {
  pageId: string
  updateId: string
  incidentId: string | null
  stage: string
  /**
   * Components the update touches; subscribers of none of them are skipped (domain/delivery/subscription.ts
   * `wantsUpdate`).
   */
  componentIds: string[]
  now: Date
}

/** Deliveries per batch: the most a crash can make a worker send twice, per lane. */
export const deliveryBatchSize = 500

/**
 * A delivery's status as the API shows it. A batched delivery stays 'pending' in its row
 * while it goes well; its batch's watermark says it was sent (or is being sent).
 */
export const effectiveStatus = sql<string>`CASE
  WHEN d.status = 'pending' AND b.acked_upto >= d.id THEN 'sent'
  WHEN d.status = 'pending' AND b.state = 'sending' THEN 'sending'
  ELSE d.status END`

/** The outbox of one organisation: what to send, and how sending went. */
export function deliveriesStore(db: Executor, orgId: string) {
  const forUpdate = (updateId: string) =>
    db
      .selectFrom('delivery_batches as b')
      .innerJoin('deliveries as d', (join) =>
        join
          .onRef('d.batch_no', '=', 'b.batch_no')
          .onRef('d.channel', '=', 'b.channel')
          .onRef('d.update_id', '=', 'b.update_id'),
      )
      .where('b.org_id', '=', orgId)
      .where('b.update_id', '=', updateId)
  return {
    /**
     * One delivery per active subscriber of the page who wants this update, and the batches
     * that cut them up, in one statement inside the caller's transaction.
     */
    async enqueueForUpdate(input: EnqueueUpdate): Promise<number> {
      const affected = uuidArray(input.componentIds)
      const now = sql`${input.now}::timestamptz`
      const result = await sql<{ n: string }>`
        WITH inserted AS (
          INSERT INTO deliveries (id, org_id, page_id, subscriber_id, channel, kind,
          update_id, incident_id, stage, batch_no, next_attempt_at, created_at, updated_at)
          SELECT n, org_id, page_id, subscriber_id, channel, 'update', ${input.updateId}::uuid,
          ${input.incidentId}::uuid, ${input.stage}, n / ${deliveryBatchSize}, ${now}, ${now}, ${now}
          FROM (
            SELECT nextval('deliveries_id_seq') AS n, t.* FROM (
              SELECT s.org_id, s.page_id, s.id AS subscriber_id, s.channel
              FROM subscribers s
              WHERE s.org_id = ${orgId}::uuid AND s.page_id = ${input.pageId}::uuid AND s.state = 'active'
                AND (cardinality(s.component_ids) = 0 OR cardinality(${affected}) = 0 OR s.component_ids && ${affected})
                AND NOT EXISTS (SELECT 1 FROM delivery_batches x WHERE x.update_id = ${input.updateId}::uuid)
              ORDER BY s.channel
            ) t
          ) numbered
          RETURNING org_id, page_id, channel, batch_no
        ), batches AS (
          INSERT INTO delivery_batches (org_id, page_id, update_id,
          channel, batch_no, next_attempt_at, created_at, updated_at)
          SELECT DISTINCT org_id, page_id, ${input.updateId}::uuid,
          channel, batch_no, ${now}, ${now}, ${now} FROM inserted
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM inserted)::text AS n, (SELECT count(*) FROM batches) AS b`.execute(db)
      return Number(result.rows[0]?.n ?? 0)
    },
    enqueueConfirmation: (subscriber: { id: string; pageId: string; channel: string }, now: Date) =>
      db
        .insertInto('deliveries')
        .values({
          org_id: orgId,
          page_id: subscriber.pageId,
          subscriber_id: subscriber.id,
          channel: subscriber.channel,
          kind: 'confirmation',
          next_attempt_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning(sql<string>`id::text`.as('id'))
        .executeTakeFirstOrThrow(),
    statusCounts: (updateId: string) =>
      forUpdate(updateId)
        .select([effectiveStatus.as('status'), (eb) => eb.fn.countAll().as('n')])
        .groupBy(sql`1`)
        .execute(),
    listForUpdate: (updateId: string, options: { status?: string; limit: number; after?: string }) => {
      let query = forUpdate(updateId)
        .innerJoin('subscribers as s', 's.id', 'd.subscriber_id')
        .select([
          sql<string>`d.id::text`.as('id'),
          'd.subscriber_id',
          's.address',
          'd.channel',
          'd.stage',
          effectiveStatus.as('status'),
          sql<number>`CASE WHEN d.status = 'pending' AND (b.acked_upto >= d.id OR
          b.state = 'sending') THEN greatest(d.attempts, 1) ELSE d.attempts END`.as('attempts'),
          sql<Date | null>`CASE WHEN d.status IN ('retrying', 'pending') THEN d.next_attempt_at END`.as(
            'next_attempt_at',
          ),
          'd.last_error',
          sql<Date | null>`coalesce(d.sent_at, CASE WHEN d.status =
          'pending' AND b.acked_upto >= d.id THEN b.updated_at END)`.as('sent_at'),
          'd.failed_at',
          's.state as subscriber_state',
          's.disabled_reason',
        ])
      if (options.status) query = query.where(effectiveStatus, '=', options.status)
      if (options.after) query = query.where('d.id', '>', options.after)
      return query.orderBy('d.id').limit(options.limit).execute()
    },
    listForSubscriber: (subscriberId: string, limit: number) =>
      db
        .selectFrom('deliveries as d')
        .leftJoin('delivery_batches as b', (join) =>
          join
            .onRef('b.batch_no', '=', 'd.batch_no')
            .onRef('b.channel', '=', 'd.channel')
            .onRef('b.update_id', '=', 'd.update_id'),
        )
        .select([
          sql<string>`d.id::text`.as('id'),
          'd.kind',
          'd.update_id',
          effectiveStatus.as('status'),
          'd.attempts',
          'd.last_error',
          'd.sent_at',
          'd.created_at',
        ])
        .where('d.org_id', '=', orgId)
        .where('d.subscriber_id', '=', subscriberId)
        .orderBy('d.created_at', 'desc')
        .limit(limit)
        .execute(),
  }
}

import { sql } from 'kysely'
import type { Executor } from './schema/index.js'
import { bigintArray, textArray, uuidArray } from './sql-arrays.js'

export interface RetryMark {
  id: string
  nextAttemptAt: Date
  error: string
  errorClass?: string
}

export interface ClaimedRow {
  id: string
  batch_no: string | null
  org_id: string | null
  page_id: string | null
  update_id: string | null
  incident_id: string | null
  subscriber_id: string | null
  source_id: string | null
  content: Record<string, unknown> | null
  channel: string
  kind: string
  stage: string | null
  attempts: number
  address: string
  locale: string | null
  audience: string
  secret: string | null
  subscriber_state: string
  confirmation_expires_at: Date | null
  consecutive_failures: number
}

export interface ClaimedBatch {
  id: string
  org_id: string
  page_id: string
  update_id: string
  channel: string
  batch_no: string
  acked_upto: string
  claims: number
}

export interface RowException {
  id: string
  status: 'retrying' | 'failed' | 'skipped' | 'sent'
  nextAttemptAt?: Date
  error?: string
  errorClass?: string
}

// A message without a subscriber carries its own address; its "subscription" is always active.
const claimedColumns = sql`d.id::text AS id, d.batch_no::text AS batch_no, d.org_id, d.page_id, d.update_id,
  d.incident_id, d.subscriber_id, d.source_id, d.content, d.channel, d.kind, d.stage, d.attempts,
  coalesce(d.address, s.address) AS address, s.locale, coalesce(s.audience, 'customer') AS audience, s.secret,
  coalesce(s.state, 'active') AS subscriber_state, s.confirmation_expires_at,
  coalesce(s.consecutive_failures, 0) AS consecutive_failures`

/**
 * The delivery workers' view of the outbox, across organisations (a worker serves every
 * tenant). Claims are leases: `locked_until` passed means the claimer is gone.
 */
export function outboxStore(db: Executor) {
  async function markSent(ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return
    await sql`
      UPDATE deliveries SET status = 'sent', sent_at = ${now}::timestamptz, locked_until = NULL, error_class = NULL,
        updated_at = ${now}::timestamptz
      WHERE id = ANY(${bigintArray(ids)})`.execute(db)
  }
  return {
    /** Rows whose worker died go back to the queue; attempts keep counting. */
    async reclaimExpired(channel: string, now: Date): Promise<number> {
      const result = await sql`
        UPDATE deliveries SET status = 'retrying', locked_until = NULL, updated_at = ${now}::timestamptz
        WHERE status = 'sending' AND locked_until < ${now}::timestamptz AND channel = ${channel}`.execute(db)
      return Number(result.numAffectedRows ?? 0n)
    },
    async claim(channel: string, limit: number, now: Date, leaseUntil: Date): Promise<ClaimedRow[]> {
      const result = await sql<ClaimedRow>`
        WITH picked AS (
          SELECT id FROM deliveries
          WHERE channel = ${channel} AND (status = 'retrying' OR (status = 'pending' AND batch_no IS NULL))
            AND next_attempt_at <= ${now}::timestamptz
          ORDER BY next_attempt_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        ), claimed AS (
          UPDATE deliveries d
          SET status = 'sending', attempts = d.attempts + 1, locked_until = ${leaseUntil}::timestamptz,
            updated_at = ${now}::timestamptz
          FROM picked WHERE d.id = picked.id
          RETURNING d.*
        )
        SELECT ${claimedColumns} FROM claimed d LEFT JOIN subscribers s ON s.id = d.subscriber_id
        ORDER BY d.next_attempt_at`.execute(db)
      return result.rows
    },
    /** One batch of a fan-out, as a lease; a batch whose lease ran out (its worker died) is taken over. */
    async claimBatch(channel: string, now: Date, leaseUntil: Date): Promise<ClaimedBatch | undefined> {
      const result = await sql<ClaimedBatch>`
        UPDATE delivery_batches b
        SET state = 'sending', claims = b.claims + 1, locked_until =
        ${leaseUntil}::timestamptz, updated_at = ${now}::timestamptz
        FROM (
          SELECT id FROM delivery_batches
          WHERE channel = ${channel} AND state <> 'done' AND next_attempt_at <= ${now}::timestamptz
            AND (state = 'pending' OR locked_until < ${now}::timestamptz)
          ORDER BY next_attempt_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        ) picked
        WHERE b.id = picked.id
        RETURNING b.id::text AS id, b.org_id, b.page_id, b.update_id, b.channel,
        b.batch_no::text AS batch_no, b.acked_upto::text AS acked_upto, b.claims`.execute(db)
      return result.rows[0]
    },
    /** The batch's deliveries not yet done, in id order (the order its watermark moves in). */
    async loadBatch(batch: ClaimedBatch): Promise<ClaimedRow[]> {
      const result = await sql<ClaimedRow>`
        SELECT ${claimedColumns}
        FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
        WHERE d.batch_no = ${batch.batch_no}::bigint AND d.channel =
        ${batch.channel} AND d.update_id = ${batch.update_id}::uuid
          AND d.id > ${batch.acked_upto}::bigint AND d.status = 'pending'
        ORDER BY d.id`.execute(db)
      return result.rows
    },
    /**
     * Records a batch's progress: the exceptions first, then the watermark that covers them.
     * Run in a transaction, so a crash leaves either both or neither. A released batch is due
     * again at once, its untried deliveries still pending.
     */
    async ackBatch(
      batchId: string,
      ackedUpto: string,
      outcome: 'progress' | 'done' | 'released',
      exceptions: readonly RowException[],
      now: Date,
    ): Promise<void> {
      const sent = exceptions.filter((e) => e.status === 'sent').map((e) => e.id)
      if (sent.length) await markSent(sent, now)
      for (const status of ['retrying', 'failed', 'skipped'] as const) {
        const rows = exceptions.filter((e) => e.status === status)
        if (rows.length === 0) continue
        await sql`
          UPDATE deliveries d SET status = ${status}, attempts = d.attempts + 1, last_error = nullif(v.error, ''),
            error_class = nullif(v.class, ''),
            next_attempt_at = coalesce(nullif(v.at_text, '')::timestamptz, d.next_attempt_at),
            failed_at = ${status === 'failed' ? now : null}::timestamptz, updated_at = ${now}::timestamptz
          FROM unnest(${bigintArray(rows.map((r) => r.id))},
          ${textArray(rows.map((r) => r.nextAttemptAt?.toISOString() ?? ''))},
            ${textArray(rows.map((r) => r.error ?? ''))}, ${textArray(rows.map((r) => r.errorClass ?? ''))})
            AS v(id, at_text, error, class)
          WHERE d.id = v.id`.execute(db)
      }
      await sql`
        UPDATE delivery_batches SET acked_upto = greatest(acked_upto,
        ${ackedUpto}::bigint), updated_at = ${now}::timestamptz,
          state = CASE ${outcome} WHEN 'done' THEN 'done' WHEN 'released' THEN 'pending' ELSE state END,
          locked_until = CASE WHEN ${outcome} = 'progress' THEN locked_until END,
          next_attempt_at = CASE WHEN ${outcome} = 'released' THEN ${now}::timestamptz ELSE next_attempt_at END
        WHERE id = ${batchId}::bigint`.execute(db)
    },
    async extendBatchLease(batchId: string, until: Date): Promise<void> {
      await sql`UPDATE delivery_batches SET locked_until = ${until}::timestamptz
        WHERE id = ${batchId}::bigint AND state = 'sending'`.execute(db)
    },
    markSent,
    async markSkipped(marks: readonly { id: string; reason: string }[], now: Date): Promise<void> {
      await sql`
        UPDATE deliveries d SET status = 'skipped', last_error = v.reason, locked_until = NULL,
          updated_at = ${now}::timestamptz
        FROM unnest(${bigintArray(marks.map((m) => m.id))}, ${textArray(marks.map((m) => m.reason))}) AS v(id, reason)
        WHERE d.id = v.id`.execute(db)
    },
    async markRetrying(marks: readonly RetryMark[], now: Date): Promise<void> {
      await sql`
        UPDATE deliveries d SET status = 'retrying', next_attempt_at = v.at, last_error = v.error,
          error_class = nullif(v.class, ''), locked_until = NULL, updated_at = ${now}::timestamptz
        FROM unnest(${bigintArray(marks.map((m) => m.id))},
          ${textArray(marks.map((m) => m.nextAttemptAt.toISOString()))}::timestamptz[],
          ${textArray(marks.map((m) => m.error))},
          ${textArray(marks.map((m) => m.errorClass ?? ''))}) AS v(id, at, error, class)
        WHERE d.id = v.id`.execute(db)
    },
    async markFailed(marks: readonly { id: string; error: string }[], now: Date): Promise<void> {
      await sql`
        UPDATE deliveries d SET status = 'failed', failed_at =
        ${now}::timestamptz, last_error = v.error, locked_until = NULL,
          updated_at = ${now}::timestamptz
        FROM unnest(${bigintArray(marks.map((m) => m.id))}, ${textArray(marks.map((m) => m.error))}) AS v(id, error)
        WHERE d.id = v.id`.execute(db)
    },
    /** Handed back untried (shutdown): due at once, and the attempt the claim counted is taken back. */
    async release(ids: readonly string[], now: Date): Promise<void> {
      if (ids.length === 0) return
      await sql`
        UPDATE deliveries SET status = 'retrying', attempts = greatest(attempts - 1, 0), locked_until = NULL,
          next_attempt_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
        WHERE status = 'sending' AND id = ANY(${bigintArray(ids)})`.execute(db)
    },
    async releaseRelayHolds(channel: string, now: Date): Promise<number> {
      const rows = await sql`
        UPDATE deliveries SET next_attempt_at = ${now}::timestamptz,
        error_class = NULL, updated_at = ${now}::timestamptz
        WHERE channel = ${channel} AND status = 'retrying' AND error_class = 'relay'`.execute(db)
      const batches = await sql`
        UPDATE delivery_batches SET next_attempt_at = ${now}::timestamptz
        WHERE channel = ${channel} AND state = 'pending' AND next_attempt_at > ${now}::timestamptz`.execute(db)
      return Number(rows.numAffectedRows ?? 0n) + Number(batches.numAffectedRows ?? 0n)
    },
    async extendLease(ids: readonly string[], until: Date): Promise<void> {
      if (ids.length === 0) return
      await sql`UPDATE deliveries SET locked_until = ${until}::timestamptz
        WHERE status = 'sending' AND id = ANY(${bigintArray(ids)})`.execute(db)
    },
    async releaseAllLeases(now: Date): Promise<number> {
      const rows =
        await sql`UPDATE deliveries SET status = 'retrying', locked_until = NULL, updated_at = ${now}::timestamptz
        WHERE status = 'sending'`.execute(db)
      const batches = await sql`UPDATE delivery_batches SET state = 'pending', locked_until = NULL,
        updated_at = ${now}::timestamptz WHERE state = 'sending'`.execute(db)
      return Number(rows.numAffectedRows ?? 0n) + Number(batches.numAffectedRows ?? 0n)
    },
    streaksFor: (subscriberIds: readonly string[]) =>
      db
        .selectFrom('subscribers')
        .select(['id', 'consecutive_failures', 'failing_since', 'state'])
        .where('id', '=', sql<string>`any(${uuidArray(subscriberIds)})`)
        .forUpdate()
        .execute(),
    saveStreak: (
      subscriberId: string,
      streak: { consecutiveFailures: number; failingSince: Date | null },
      disable: { reason: string } | null,
      now: Date,
    ) =>
      db
        .updateTable('subscribers')
        .set({
          consecutive_failures: streak.consecutiveFailures,
          failing_since: streak.failingSince,
          ...(disable ? { state: 'disabled', disabled_at: now, disabled_reason: disable.reason } : {}),
          updated_at: now,
        })
        .where('id', '=', subscriberId)
        .execute(),
    async resetStreaks(subscriberIds: readonly string[]): Promise<void> {
      await sql`UPDATE subscribers SET consecutive_failures = 0, failing_since = NULL
      WHERE consecutive_failures > 0 AND id = ANY(${uuidArray(subscriberIds)})`.execute(db)
    },
    markConfirmationSent: (subscriberId: string, now: Date) =>
      db.updateTable('subscribers').set({ confirmation_sent_at: now }).where('id', '=', subscriberId).execute(),
  }
}
export type OutboxStore = ReturnType<typeof outboxStore>

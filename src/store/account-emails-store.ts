import { sql } from 'kysely'
import type { Executor } from './schema/index.js'

/** Mail about accounts (invitations, sign-in links): a small outbox of its own, claimed with SKIP LOCKED. */
export function accountEmailsStore(db: Executor) {
  return {
    async enqueue(input: {
      orgId: string | null
      purpose: string
      to: string
      subject: string
      text: string
      html?: string
      now: Date
    }) {
      return db
        .insertInto('account_emails')
        .values({
          org_id: input.orgId,
          purpose: input.purpose,
          to_address: input.to,
          subject: input.subject,
          text_body: input.text,
          html_body: input.html ?? null,
          created_at: input.now,
          next_attempt_at: input.now,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow()
    },
    /** Claims due messages by pushing their next attempt past a lease, so a crashed sender's claim lapses. */
    async claimDue(limit: number, now: Date, leaseMs: number) {
      const leaseUntil = new Date(now.getTime() + leaseMs)
      return db
        .updateTable('account_emails')
        .set({ next_attempt_at: leaseUntil, attempts: sql`attempts + 1` })
        .where(
          'id',
          'in',
          db
            .selectFrom('account_emails')
            .select('id')
            .where('sent_at', 'is', null)
            .where('failed_at', 'is', null)
            .where('next_attempt_at', '<=', now)
            .orderBy('next_attempt_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute()
    },
    async markSent(id: string, now: Date) {
      await db.updateTable('account_emails').set({ sent_at: now, last_error: null }).where('id', '=', id).execute()
    },
    async markRetry(id: string, nextAttemptAt: Date, error: string) {
      await db
        .updateTable('account_emails')
        .set({ next_attempt_at: nextAttemptAt, last_error: error.slice(0, 500) })
        .where('id', '=', id)
        .execute()
    },
    async markFailed(id: string, now: Date, error: string) {
      await db
        .updateTable('account_emails')
        .set({ failed_at: now, last_error: error.slice(0, 500) })
        .where('id', '=', id)
        .execute()
    },
    list: (options: { to?: string } = {}) => {
      let query = db.selectFrom('account_emails').selectAll().orderBy('created_at')
      if (options.to) query = query.where('to_address', '=', options.to)
      return query.execute()
    },
  }
}

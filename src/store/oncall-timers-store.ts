import { sql } from 'kysely'
import type { Executor } from './schema/index.js'

/**
 * The on-call jobs' view across organisations: due escalation timers and due notifications.
 * Unscoped on purpose (a timer does not know its tenant until it is claimed); every row it
 * returns carries its org_id, and the work on it goes through the scoped stores.
 */
export function oncallTimersStore(db: Executor) {
  return {
    /** Pages whose level timed out, locked for this transaction; rows another node holds are skipped. */
    claimDuePages: (now: Date, limit: number) =>
      db
        .selectFrom('oncall_pages')
        .selectAll()
        .where('due_at', '<=', now)
        .where('status', '=', 'triggered')
        .orderBy('due_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute(),
    /**
     * Due notifications (and ones whose sender died mid-send), leased for `leaseMs`. Run it
     * in a transaction: the lock keeps two nodes from leasing the same row.
     */
    async leaseDueNotifications(now: Date, limit: number, leaseMs: number) {
      const due = await db
        .selectFrom('oncall_notifications')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('due_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
          ]),
        )
        .orderBy('due_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute()
      if (due.length === 0) return []
      const leased = await db
        .updateTable('oncall_notifications')
        .set({ status: 'sending', claimed_until: new Date(now.getTime() + leaseMs), attempts: sql`attempts + 1` })
        .where(
          'id',
          'in',
          due.map((d) => d.id),
        )
        .returningAll()
        .execute()
      const pageIds = [...new Set(leased.map((n) => n.page_id))]
      const pages = await db
        .selectFrom('oncall_pages')
        .select(['id', 'summary', 'details', 'status', 'created_at'])
        .where('id', 'in', pageIds)
        .execute()
      const byId = new Map(pages.map((p) => [p.id, p]))
      return leased.map((n) => ({ ...n, page: byId.get(n.page_id)! }))
    },
    markSent: (ids: readonly string[], now: Date) =>
      ids.length === 0
        ? Promise.resolve()
        : db
            .updateTable('oncall_notifications')
            .set({ status: 'sent', sent_at: now, claimed_until: null, last_error: null })
            .where('id', 'in', [...ids])
            .execute()
            .then(() => undefined),
    markRetry: (id: string, dueAt: Date, error: string) =>
      db
        .updateTable('oncall_notifications')
        .set({ status: 'pending', due_at: dueAt, claimed_until: null, last_error: error.slice(0, 500) })
        .where('id', '=', id)
        .execute(),
    markFailed: (id: string, error: string) =>
      db
        .updateTable('oncall_notifications')
        .set({ status: 'failed', claimed_until: null, last_error: error.slice(0, 500) })
        .where('id', '=', id)
        .execute(),
    markCancelled: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve()
        : db
            .updateTable('oncall_notifications')
            .set({ status: 'cancelled', claimed_until: null })
            .where('id', 'in', [...ids])
            .execute()
            .then(() => undefined),
    async webhookSecrets(contactMethodIds: readonly string[]): Promise<Map<string, string>> {
      if (contactMethodIds.length === 0) return new Map()
      const rows = await db
        .selectFrom('oncall_contact_methods')
        .select(['id', 'secret'])
        .where('id', 'in', [...new Set(contactMethodIds)])
        .execute()
      return new Map(rows.flatMap((r) => (r.secret ? [[r.id, r.secret] as const] : [])))
    },
    /** The earliest moment any on-call timer or notification is due, for a job that sleeps until then. */
    async nextDueAt(): Promise<Date | null> {
      const page = await db
        .selectFrom('oncall_pages')
        .select((eb) => eb.fn.min('due_at').as('at'))
        .where('status', '=', 'triggered')
        .executeTakeFirst()
      const note = await db
        .selectFrom('oncall_notifications')
        .select((eb) => eb.fn.min('due_at').as('at'))
        .where('status', '=', 'pending')
        .executeTakeFirst()
      const times = [page?.at, note?.at].filter((t): t is Date => t instanceof Date)
      return times.length === 0 ? null : new Date(Math.min(...times.map((t) => t.getTime())))
    },
  }
}
export type OncallTimersStore = ReturnType<typeof oncallTimersStore>

import { sql } from 'kysely'
import type { Executor, Tx } from './schema/index.js'

export interface ProcessOutboxRow {
  id: string
  org_id: string
  incident_id: string | null
  kind: string
  payload: Record<string, unknown>
  attempts: number
}

/**
 * The sender works across organisations (it is the process's postman, not a tenant's view), so
 * it claims due rows of every organisation; rows stay locked while they are sent, so two nodes
 * never send the same notice.
 */
export function processOutboxDispatchStore(tx: Tx | Executor) {
  return {
    claimDue: (now: Date, limit: number) =>
      tx
        .selectFrom('process_outbox')
        .select(['id', 'org_id', 'incident_id', 'kind', 'payload', 'attempts'])
        .where('status', '=', 'pending')
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .orderBy('seq')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute() as Promise<ProcessOutboxRow[]>,
    markSent: (id: string, now: Date, note: string | null) =>
      tx
        .updateTable('process_outbox')
        .set({ status: 'sent', sent_at: now, attempts: sql`attempts + 1`, last_error: note })
        .where('id', '=', id)
        .execute(),
    markRetry: (id: string, dueAt: Date, error: string) =>
      tx
        .updateTable('process_outbox')
        .set({ attempts: sql`attempts + 1`, due_at: dueAt, last_error: error })
        .where('id', '=', id)
        .execute(),
    markFailed: (id: string, error: string) =>
      tx
        .updateTable('process_outbox')
        .set({ status: 'failed', attempts: sql`attempts + 1`, last_error: error })
        .where('id', '=', id)
        .execute(),
    userEmails: async (orgId: string, ids: string[]) => {
      const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))
      if (uuids.length === 0) return []
      return tx
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.user_id', 'users.id')
        .select(['users.id', 'users.email'])
        .where('memberships.org_id', '=', orgId)
        .where('users.id', 'in', uuids)
        .execute()
    },
  }
}

import type { Executor } from './schema/index.js'
import { sessionsStore } from './sessions-store.js'
import { usersStore } from './users-store.js'

/**
 * The unscoped side of accounts: people, their sessions and mail, and invitations found by
 * the id in a signed link, all before any organisation is known. `bind` reuses it in a transaction.
 */
function accountsQueries(db: Executor) {
  return {
    users: usersStore(db),
    sessions: sessionsStore(db),
    invitationById: (id: string) => db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst(),
    async markInvitationAccepted(id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('invitations')
        .set({ accepted_at: now })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },
    firstOrganisation: () =>
      db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst(),
  }
}
export type AccountsQueries = ReturnType<typeof accountsQueries>

type RunTransaction = <T>(name: string | undefined, fn: (trx: Executor) => Promise<T>) => Promise<T>

export function accountsStore(db: Executor, run: RunTransaction) {
  return {
    ...accountsQueries(db),
    /** The same queries on another executor, e.g. the raw side of an organisation's transaction. */
    bind: (executor: Executor) => accountsQueries(executor),
    /** Runs `fn` in one transaction with the same queries bound to it. */
    transaction: <T>(fn: (tx: AccountsQueries, raw: Executor) => Promise<T>, name?: string) =>
      run(name, (trx) => fn(accountsQueries(trx), trx)),
  }
}

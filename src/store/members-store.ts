import type { Executor } from './schema/index.js'

/** Members of one organisation; removing one also ends their sessions and tokens there. */
export function membersStore(db: Executor, orgId: string) {
  const members = () =>
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at'])
      .where('memberships.org_id', '=', orgId)
  return {
    list: () => members().orderBy('memberships.created_at').orderBy('users.id').execute(),
    get: (userId: string) => members().where('users.id', '=', userId).executeTakeFirst(),
    findByEmail: (email: string) =>
      members()
        .where((eb) => eb.fn('lower', ['users.email']), '=', email.trim().toLowerCase())
        .executeTakeFirst(),
    async countOwners(): Promise<number> {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', orgId)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    async add(userId: string, role: string) {
      await db.insertInto('memberships').values({ org_id: orgId, user_id: userId, role }).execute()
    },
    async setRole(userId: string, role: string) {
      await db
        .updateTable('memberships')
        .set({ role })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .execute()
    },
    async remove(userId: string, now: Date) {
      await db.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute()
      await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute()
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute()
    },
  }
}

import { sql } from 'kysely'
import type { Executor } from './schema/index.js'

/** People exist across organisations, so these lookups are not scoped; memberships say where they act. */
export function usersStore(db: Executor) {
  return {
    findByEmail: (email: string) =>
      db
        .selectFrom('users')
        .selectAll()
        .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
        .executeTakeFirst(),
    findById: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    async create(input: { email: string; name?: string; isInstanceAdmin?: boolean }) {
      return db
        .insertInto('users')
        .values({
          email: input.email.trim(),
          name: input.name ?? '',
          is_instance_admin: input.isInstanceAdmin ?? false,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    count: async () =>
      Number(
        (
          await db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    async passwordHash(userId: string): Promise<string | null> {
      const row = await db
        .selectFrom('user_credentials')
        .select('password_hash')
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return row?.password_hash ?? null
    },
    async setPasswordHash(userId: string, hash: string, now: Date) {
      await db
        .insertInto('user_credentials')
        .values({ user_id: userId, password_hash: hash, updated_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: hash, updated_at: now }))
        .execute()
    },
    /** The organisations a person belongs to, oldest membership first. */
    memberships: (userId: string) =>
      db
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.org_id')
        .select(['memberships.org_id', 'memberships.role', 'organisations.name', 'organisations.slug'])
        .where('memberships.user_id', '=', userId)
        .orderBy('memberships.created_at')
        .orderBy('memberships.org_id')
        .execute(),
    membership: (userId: string, orgId: string) =>
      db
        .selectFrom('memberships')
        .select(['role'])
        .where('user_id', '=', userId)
        .where('org_id', '=', orgId)
        .executeTakeFirst(),
    async addMembership(input: { userId: string; orgId: string; role: string }) {
      await db
        .insertInto('memberships')
        .values({ user_id: input.userId, org_id: input.orgId, role: input.role })
        .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
        .execute()
    },
    signInFailures: (email: string) =>
      db.selectFrom('sign_in_failures').selectAll().where('email', '=', email).executeTakeFirst(),
    async recordSignInFailures(email: string, failures: number, at: Date) {
      await db
        .insertInto('sign_in_failures')
        .values({ email, failures, last_failure_at: at })
        .onConflict((oc) => oc.column('email').doUpdateSet({ failures, last_failure_at: at }))
        .execute()
    },
    async clearSignInFailures(email: string) {
      await db.deleteFrom('sign_in_failures').where('email', '=', email).execute()
    },
  }
}

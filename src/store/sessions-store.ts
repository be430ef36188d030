import type { Executor } from './schema/index.js'

/** Sessions are found by the hash of their cookie before anything else is known, so lookups are unscoped. */
export function sessionsStore(db: Executor) {
  return {
    async create(input: {
      userId: string
      orgId: string
      tokenHash: string
      now: Date
      expiresAt: Date
      ip?: string
      userAgent?: string
    }) {
      return db
        .insertInto('sessions')
        .values({
          user_id: input.userId,
          org_id: input.orgId,
          token_hash: input.tokenHash,
          created_at: input.now,
          last_seen_at: input.now,
          expires_at: input.expiresAt,
          ip: input.ip ?? null,
          user_agent: input.userAgent?.slice(0, 500) ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    /**
     * The session with its person and their current role in the session's organisation (null if no longer a member).
     */
    findByHash: (tokenHash: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .leftJoin('memberships', (join) =>
          join
            .onRef('memberships.user_id', '=', 'sessions.user_id')
            .onRef('memberships.org_id', '=', 'sessions.org_id'),
        )
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.org_id',
          'sessions.created_at',
          'sessions.last_seen_at',
          'sessions.expires_at',
          'sessions.revoked_at',
          'users.email',
          'users.name',
          'memberships.role',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .executeTakeFirst(),
    async touch(id: string, now: Date) {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute()
    },
    async setOrganisation(id: string, orgId: string) {
      await db.updateTable('sessions').set({ org_id: orgId }).where('id', '=', id).execute()
    },
    async revoke(id: string, userId: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },
    async revokeAllOfUser(userId: string, now: Date, options: { except?: string } = {}): Promise<number> {
      let query = db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
      if (options.except) query = query.where('id', '!=', options.except)
      return Number((await query.executeTakeFirst()).numUpdatedRows)
    },
    listActiveOfUser: (userId: string, now: Date) =>
      db
        .selectFrom('sessions')
        .select(['id', 'org_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('last_seen_at', 'desc')
        .execute(),
    /** Records a one-time link's nonce; false if it was used before (the link is spent). */
    async spendLinkNonce(nonce: string, purpose: string, expiresAt: Date): Promise<boolean> {
      const result = await db
        .insertInto('used_link_nonces')
        .values({ nonce, purpose, expires_at: expiresAt })
        .onConflict((oc) => oc.column('nonce').doNothing())
        .executeTakeFirst()
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
    },
  }
}

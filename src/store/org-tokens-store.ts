import type { Executor } from './schema/index.js'

/** API tokens of one organisation. The hash never leaves the store: lookups by hash are in tokens-store. */
export function orgTokensStore(db: Executor, orgId: string) {
  const columns = [
    'id',
    'org_id',
    'user_id',
    'name',
    'role',
    'scopes',
    'created_at',
    'last_used_at',
    'expires_at',
    'revoked_at',
  ] as const
  return {
    async create(input: {
      userId: string | null
      name: string
      tokenHash: string
      role: string
      scopes: string[] | null
      expiresAt: Date | null
      now: Date
    }) {
      return db
        .insertInto('api_tokens')
        .values({
          org_id: orgId,
          user_id: input.userId,
          name: input.name,
          token_hash: input.tokenHash,
          role: input.role,
          scopes: input.scopes,
          expires_at: input.expiresAt,
          created_at: input.now,
        })
        .returning(columns)
        .executeTakeFirstOrThrow()
    },
    get: (id: string) =>
      db.selectFrom('api_tokens').select(columns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
    /** Tokens not revoked, newest first; only one person's when `userId` is given. */
    list: (options: { userId?: string } = {}) => {
      let query = db
        .selectFrom('api_tokens')
        .select(columns)
        .where('org_id', '=', orgId)
        .where('revoked_at', 'is', null)
      if (options.userId) query = query.where('user_id', '=', options.userId)
      return query.orderBy('created_at', 'desc').orderBy('id').execute()
    },
    async revoke(id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },
    async revokeMany(ids: readonly string[], now: Date) {
      if (ids.length === 0) return
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('org_id', '=', orgId)
        .where('id', 'in', ids)
        .execute()
    },
  }
}

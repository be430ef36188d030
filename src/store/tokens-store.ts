import type { Executor } from './schema/index.js'

/** Token lookup happens before we know the organisation: it is how we learn it. */
export function tokensStore(db: Executor) {
  return {
    async create(input: {
      orgId: string
      userId?: string | null
      name: string
      tokenHash: string
      role: string
      scopes?: string[] | null
      expiresAt?: Date | null
    }) {
      return db
        .insertInto('api_tokens')
        .values({
          org_id: input.orgId,
          user_id: input.userId ?? null,
          name: input.name,
          token_hash: input.tokenHash,
          role: input.role,
          scopes: input.scopes ?? null,
          expires_at: input.expiresAt ?? null,
        })
        .returning(['id', 'org_id', 'name', 'role', 'scopes', 'created_at', 'expires_at'])
        .executeTakeFirstOrThrow()
    },
    async findActiveByHash(tokenHash: string, now: Date) {
      return db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .executeTakeFirst()
    },
    async touch(id: string, now: Date) {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute()
    },
  }
}

import type { Executor } from './schema/index.js'

export function invitationsStore(db: Executor, orgId: string) {
  const columns = [
    'id',
    'org_id',
    'email',
    'role',
    'invited_by',
    'created_at',
    'expires_at',
    'accepted_at',
    'revoked_at',
  ] as const
  return {
    async create(input: {
      email: string
      role: string
      nonce: string
      invitedBy: string | null
      now: Date
      expiresAt: Date
    }) {
      return db
        .insertInto('invitations')
        .values({
          org_id: orgId,
          email: input.email,
          role: input.role,
          nonce: input.nonce,
          invited_by: input.invitedBy,
          created_at: input.now,
          expires_at: input.expiresAt,
        })
        .returning(columns)
        .executeTakeFirstOrThrow()
    },
    get: (id: string) =>
      db.selectFrom('invitations').select(columns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
    /** Open invitations (not accepted, not revoked, not expired), newest first. */
    listOpen: (now: Date) =>
      db
        .selectFrom('invitations')
        .select(columns)
        .where('org_id', '=', orgId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .execute(),
    async revoke(id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('invitations')
        .set({ revoked_at: now })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },
    async revokeOpenFor(email: string, now: Date) {
      await db
        .updateTable('invitations')
        .set({ revoked_at: now })
        .where('org_id', '=', orgId)
        .where((eb) => eb.fn('lower', ['email']), '=', email.toLowerCase())
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute()
    },
  }
}

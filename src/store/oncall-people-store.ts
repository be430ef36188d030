import type { Executor } from './schema/index.js'

/** The organisation's members as on-call sees them, and how each wants to be reached. */
export function oncallPeopleStore(db: Executor, orgId: string) {
  return {
    /** Those of `userIds` who are members of this organisation. */
    members: (userIds: readonly string[]) =>
      userIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('memberships as m')
            .innerJoin('users as u', 'u.id', 'm.user_id')
            .select(['u.id', 'u.email', 'u.name', 'm.role'])
            .where('m.org_id', '=', orgId)
            .where('u.id', 'in', [...new Set(userIds)])
            .execute(),
    listContactMethods: (userIds?: readonly string[]) => {
      let query = db.selectFrom('oncall_contact_methods').selectAll().where('org_id', '=', orgId)
      if (userIds) {
        if (userIds.length === 0) return Promise.resolve([])
        query = query.where('user_id', 'in', [...new Set(userIds)])
      }
      return query.orderBy('user_id').orderBy('delay_minutes').orderBy('created_at').limit(5000).execute()
    },
    addContactMethod: (input: {
      userId: string
      kind: string
      address: string
      delayMinutes: number
      secret: string | null
    }) =>
      db
        .insertInto('oncall_contact_methods')
        .values({
          org_id: orgId,
          user_id: input.userId,
          kind: input.kind,
          address: input.address,
          delay_minutes: input.delayMinutes,
          secret: input.secret,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    getContactMethod: (id: string) =>
      db
        .selectFrom('oncall_contact_methods')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst(),
    async removeContactMethod(id: string) {
      const result = await db
        .deleteFrom('oncall_contact_methods')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
  }
}
export type OncallPeopleStore = ReturnType<typeof oncallPeopleStore>

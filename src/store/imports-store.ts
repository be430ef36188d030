import { sql } from 'kysely'
import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'

export interface RefWrite {
  key: string
  /** The table the row lives in. */
  kind: string
  localId: string
}

/** Tables an external ref may point at; the writer asks which of its remembered rows still exist. */
const refTables = [
  'status_pages',
  'component_groups',
  'components',
  'incidents',
  'incident_updates',
  'scheduled_maintenances',
  'maintenance_updates',
  'subscribers',
  'users',
  'oncall_contact_methods',
  'oncall_schedules',
  'oncall_overrides',
  'escalation_policies',
  'integrations',
  'routing_rules',
] as const
export type RefTable = (typeof refTables)[number]

/** What imports keep and look up for one organisation: the external refs, and people by email. */
export function importsStore(db: Executor, orgId: string) {
  return {
    /** Every ref of one source (`statuspage:` …), as key → Candor id. */
    async refs(source: string): Promise<Map<string, { kind: string; localId: string }>> {
      const rows = await db
        .selectFrom('external_refs')
        .select(['external_key', 'kind', 'local_id'])
        .where('org_id', '=', orgId)
        .where('external_key', 'like', `${source.replace(/[\\%_]/g, '\\$&')}:%`)
        .execute()
      return new Map(rows.map((r) => [r.external_key, { kind: r.kind, localId: r.local_id }]))
    },
    async saveRefs(refs: readonly RefWrite[], now: Date) {
      if (refs.length === 0) return
      await db
        .insertInto('external_refs')
        .values(refs.map((r) => ({ org_id: orgId, external_key: r.key, kind: r.kind, local_id: r.localId })))
        .onConflict((oc) =>
          oc.columns(['org_id', 'external_key']).doUpdateSet({
            kind: sql`excluded.kind`,
            local_id: sql`excluded.local_id`,
            updated_at: now,
          }),
        )
        .execute()
    },
    /** Claims the one run of `source`; false while another started less than `staleAfterMs` ago. */
    async claimRun(source: string, now: Date, staleAfterMs: number): Promise<boolean> {
      const row = await db
        .insertInto('import_runs')
        .values({ org_id: orgId, source, started_at: now })
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'source'])
            .doUpdateSet({ started_at: now })
            .where('import_runs.started_at', '<', new Date(now.getTime() - staleAfterMs)),
        )
        .returning('source')
        .executeTakeFirst()
      return row !== undefined
    },
    async releaseRun(source: string) {
      await db.deleteFrom('import_runs').where('org_id', '=', orgId).where('source', '=', source).execute()
    },
    /** Which of `ids` still exist in `table` (this organisation's rows; users through a membership). */
    async existing(table: RefTable, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set()
      const list = [...new Set(ids)]
      const rows =
        table === 'users'
          ? await db
              .selectFrom('memberships')
              .select('user_id as id')
              .where('org_id', '=', orgId)
              .where('user_id', 'in', list)
              .execute()
          : await db.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', 'in', list).execute()
      return new Set(rows.map((r) => r.id))
    },
    /** Slugs are unique across every organisation; the import picks one nobody has. */
    takenSlugs: async (prefix: string) =>
      new Set(
        (
          await db
            .selectFrom('status_pages')
            .select('slug')
            .where('slug', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
            .execute()
        ).map((r) => r.slug),
      ),
    /** A person already known to Candor (in any organisation), by email. */
    findUserByEmail: (email: string) =>
      db
        .selectFrom('users')
        .select(['id', 'email', 'name'])
        .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
        .executeTakeFirst(),
    createUser: (input: { email: string; name: string }) =>
      db
        .insertInto('users')
        .values({ email: input.email.trim(), name: input.name })
        .returning(['id', 'email', 'name'])
        .executeTakeFirstOrThrow(),
    /** Adds a member with `role` unless they already are one (their role is then left alone). */
    async addMember(userId: string, role: string) {
      await db
        .insertInto('memberships')
        .values({ org_id: orgId, user_id: userId, role })
        .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
        .execute()
    },
    async renameUserIfBlank(userId: string, name: string) {
      await db.updateTable('users').set({ name }).where('id', '=', userId).where('name', '=', '').execute()
    },
    async updateIntegration(id: string, input: { name: string; config: Record<string, unknown> }, now: Date) {
      const result = await db
        .updateTable('integrations')
        .set({ name: input.name, config: json(input.config), updated_at: now })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numUpdatedRows > 0n
    },
  }
}
export type ImportsStore = ReturnType<typeof importsStore>

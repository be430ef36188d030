import type { Insertable, Selectable } from 'kysely'
import type { ProcessSettingsTable } from './schema/process.js'
import { json, type Executor } from './schema/index.js'
import { textArray } from './process-rows.js'

export type ProcessSettingsRow = Selectable<ProcessSettingsTable>
export type ProcessSettingsWrite = Partial<Omit<Insertable<ProcessSettingsTable>, 'org_id' | 'updated_at'>>

/** What an organisation changes about the process; absent rows mean "the defaults". */
export function processConfigStore(db: Executor, orgId: string) {
  return {
    getSettings: () => db.selectFrom('process_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst(),
    async putSettings(changes: ProcessSettingsWrite, now: Date) {
      return db
        .insertInto('process_settings')
        .values({ org_id: orgId, ...changes, updated_at: now })
        .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...changes, updated_at: now }))
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    listCrisisTypes: () =>
      db.selectFrom('crisis_types').selectAll().where('org_id', '=', orgId).orderBy('key').execute(),
    async putCrisisType(
      input: { key: string; name: string; description: string; criteria: { id: string; text: string }[] },
      now: Date,
    ) {
      const values = {
        name: input.name,
        description: input.description,
        criteria: json(input.criteria),
        updated_at: now,
      }
      await db
        .insertInto('crisis_types')
        .values({ org_id: orgId, key: input.key, ...values })
        .onConflict((oc) => oc.columns(['org_id', 'key']).doUpdateSet(values))
        .execute()
    },
    async deleteCrisisType(key: string) {
      const result = await db
        .deleteFrom('crisis_types')
        .where('org_id', '=', orgId)
        .where('key', '=', key)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
    listStakeholderGroups: () =>
      db.selectFrom('stakeholder_groups').selectAll().where('org_id', '=', orgId).orderBy('key').execute(),
    async putStakeholderGroup(
      input: { key: string; name: string; emails: string[]; webhookUrl: string | null },
      now: Date,
    ) {
      const values = {
        name: input.name,
        emails: textArray(input.emails),
        webhook_url: input.webhookUrl,
        updated_at: now,
      }
      await db
        .insertInto('stakeholder_groups')
        .values({ org_id: orgId, key: input.key, ...values })
        .onConflict((oc) => oc.columns(['org_id', 'key']).doUpdateSet(values))
        .execute()
    },
    listStakeholderRules: () =>
      db
        .selectFrom('stakeholder_rules')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('position')
        .orderBy('id')
        .execute(),
    async replaceStakeholderRules(
      rules: { crisisType: string; minSeverity: number; groups: string[]; events: string[] | null }[],
    ) {
      await db.deleteFrom('stakeholder_rules').where('org_id', '=', orgId).execute()
      if (rules.length === 0) return
      await db
        .insertInto('stakeholder_rules')
        .values(
          rules.map((r, position) => ({
            org_id: orgId,
            crisis_type: r.crisisType,
            min_severity: r.minSeverity,
            groups: textArray(r.groups),
            events: r.events ? textArray(r.events) : null,
            position,
          })),
        )
        .execute()
    },
  }
}

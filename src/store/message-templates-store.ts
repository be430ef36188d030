import type { StageTemplates } from '../domain/template/catalog.js'
import type { Audience, MessageStage, TemplateChannel } from '../domain/template/message-kinds.js'
import type { TemplateKey } from '../domain/template/template-key.js'
import type { TemplateOverride } from '../domain/template/template-overrides.js'
import type { Selectable } from 'kysely'
import type { Executor } from './schema/index.js'
import type { MessageTemplatesTable } from './schema/templates.js'

export type StoredTemplate = TemplateOverride & { updatedAt: Date; updatedBy: string }

const toOverride = (row: Selectable<MessageTemplatesTable>): StoredTemplate => ({
  stage: row.stage as MessageStage,
  channel: row.channel as TemplateChannel,
  audience: row.audience as Audience,
  locale: row.locale,
  subject: row.subject,
  body: row.body,
  short: row.short,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
})

/** The organisation's own templates; a missing row means the built-in template. */
export function messageTemplatesStore(db: Executor, orgId: string) {
  const byKey = (key: TemplateKey) =>
    db
      .selectFrom('message_templates')
      .where('org_id', '=', orgId)
      .where('stage', '=', key.stage)
      .where('channel', '=', key.channel)
      .where('audience', '=', key.audience)
      .where('locale', '=', key.locale)
  return {
    async list(): Promise<StoredTemplate[]> {
      const rows = await db
        .selectFrom('message_templates')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('stage')
        .orderBy('channel')
        .orderBy('audience')
        .orderBy('locale')
        .execute()
      return rows.map(toOverride)
    },
    async get(key: TemplateKey): Promise<StoredTemplate | undefined> {
      const row = await byKey(key).selectAll().executeTakeFirst()
      return row && toOverride(row)
    },
    async put(key: TemplateKey, sources: Partial<StageTemplates>, at: Date, by: string): Promise<StoredTemplate> {
      const fields = { subject: sources.subject ?? null, body: sources.body ?? null, short: sources.short ?? null }
      const row = await db
        .insertInto('message_templates')
        .values({ org_id: orgId, ...key, ...fields, updated_at: at, updated_by: by })
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'stage', 'channel', 'audience', 'locale'])
            .doUpdateSet({ ...fields, updated_at: at, updated_by: by }),
        )
        .returningAll()
        .executeTakeFirstOrThrow()
      return toOverride(row)
    },
    async remove(key: TemplateKey): Promise<boolean> {
      const result = await db
        .deleteFrom('message_templates')
        .where('org_id', '=', orgId)
        .where('stage', '=', key.stage)
        .where('channel', '=', key.channel)
        .where('audience', '=', key.audience)
        .where('locale', '=', key.locale)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
  }
}

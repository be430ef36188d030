import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'

export interface IntegrationWrite {
  kind: string
  name: string
  keyHash: string
  keyHint: string
  config: Record<string, unknown>
}

const publicColumns = ['id', 'org_id', 'kind', 'name', 'key_hint', 'config', 'created_at', 'updated_at'] as const

export function integrationsStore(db: Executor, orgId: string) {
  return {
    list: () =>
      db
        .selectFrom('integrations')
        .select(publicColumns)
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    get: (id: string) =>
      db
        .selectFrom('integrations')
        .select(publicColumns)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst(),
    create: (input: IntegrationWrite) =>
      db
        .insertInto('integrations')
        .values({
          org_id: orgId,
          kind: input.kind,
          name: input.name,
          key_hash: input.keyHash,
          key_hint: input.keyHint,
          config: json(input.config),
        })
        .returning(publicColumns)
        .executeTakeFirstOrThrow(),
    async remove(id: string) {
      const result = await db
        .deleteFrom('integrations')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
  }
}

/** Intake requests carry only a key: it is how we learn the organisation. */
export function integrationKeysStore(db: Executor) {
  return {
    findByKeyHash: (keyHash: string) =>
      db.selectFrom('integrations').select(publicColumns).where('key_hash', '=', keyHash).executeTakeFirst(),
  }
}

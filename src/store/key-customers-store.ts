import { sql, type Insertable, type Updateable } from 'kysely'
import { json, type Executor } from './schema/index.js'
import type { KeyCustomersTable } from './schema/key-customers.js'

type Contact = { name: string; email: string | null; phone: string | null }
export type KeyCustomerWrite = Omit<Insertable<KeyCustomersTable>, 'id' | 'org_id' | 'contacts'> & {
  contacts: Contact[]
}
export type KeyCustomerPatch = Omit<Updateable<KeyCustomersTable>, 'id' | 'org_id' | 'created_at' | 'contacts'> & {
  contacts?: Contact[]
}

/** The organisation's key customers, each with the components it depends on. */
export function keyCustomersStore(db: Executor, orgId: string) {
  const base = () =>
    db
      .selectFrom('key_customers as k')
      .select([
        'k.id',
        'k.name',
        'k.notify_within_minutes',
        'k.channel',
        'k.contacts',
        sql<number | null>`k.mrr::float8`.as('mrr'),
        'k.is_affected_by_every_incident',
        'k.notes',
        'k.created_at',
        'k.updated_at',
        sql<string[]>`array(SELECT c.component_id::text FROM key_customer_components c
          WHERE c.key_customer_id = k.id ORDER BY c.component_id)`.as('component_ids'),
      ])
      .where('k.org_id', '=', orgId)
  const setComponents = async (id: string, componentIds: readonly string[]) => {
    await db
      .deleteFrom('key_customer_components')
      .where('org_id', '=', orgId)
      .where('key_customer_id', '=', id)
      .execute()
    if (componentIds.length === 0) return
    await db
      .insertInto('key_customer_components')
      .values([...new Set(componentIds)].map((c) => ({ key_customer_id: id, component_id: c, org_id: orgId })))
      .execute()
  }
  return {
    list: (limit = 5_000) => base().orderBy(sql`lower(k.name)`).orderBy('k.id').limit(limit).execute(),
    get: (id: string) => base().where('k.id', '=', id).executeTakeFirst(),
    /** Which of these names (any case) are taken, and by whom. */
    async idsByName(names: readonly string[]): Promise<Map<string, string>> {
      if (names.length === 0) return new Map()
      const rows = await db
        .selectFrom('key_customers')
        .select(['id', sql<string>`lower(name)`.as('key')])
        .where('org_id', '=', orgId)
        .where(
          sql<string>`lower(name)`,
          'in',
          names.map((n) => n.toLowerCase()),
        )
        .execute()
      return new Map(rows.map((r) => [r.key, r.id]))
    },
    async create(values: KeyCustomerWrite, componentIds: readonly string[]): Promise<string> {
      const row = await db
        .insertInto('key_customers')
        .values({ ...values, contacts: json(values.contacts), org_id: orgId })
        .returning('id')
        .executeTakeFirstOrThrow()
      await setComponents(row.id, componentIds)
      return row.id
    },
    async update(id: string, patch: KeyCustomerPatch, componentIds?: readonly string[]): Promise<boolean> {
      const { contacts, ...rest } = patch
      const result = await db
        .updateTable('key_customers')
        .set({ ...rest, ...(contacts ? { contacts: json(contacts) } : {}) })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      if (result.numUpdatedRows === 0n) return false
      if (componentIds) await setComponents(id, componentIds)
      return true
    },
    async remove(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('key_customers')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
  }
}
export type KeyCustomersStore = ReturnType<typeof keyCustomersStore>

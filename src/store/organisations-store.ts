import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'

/** Organisations are the tenants themselves, so these lookups are the only unscoped ones. */
export function organisationsStore(db: Executor) {
  return {
    async create(input: { id?: string; slug: string; name: string; settings?: Record<string, unknown> }) {
      return db
        .insertInto('organisations')
        .values({
          ...(input.id ? { id: input.id } : {}),
          slug: input.slug,
          name: input.name,
          settings: json(input.settings ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    /** Every organisation with how many people belong to it, oldest first. */
    list: () =>
      db
        .selectFrom('organisations')
        .select((eb) => [
          'organisations.id',
          'organisations.slug',
          'organisations.name',
          'organisations.created_at',
          eb
            .selectFrom('memberships')
            .select((m) => m.fn.countAll<number>().as('n'))
            .whereRef('memberships.org_id', '=', 'organisations.id')
            .as('members'),
        ])
        .orderBy('organisations.created_at')
        .orderBy('organisations.id')
        .execute(),
    rename: (id: string, input: { slug?: string; name?: string }) =>
      db
        .updateTable('organisations')
        .set({
          ...(input.slug !== undefined ? { slug: input.slug } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    /** Everything of the organisation goes with it (foreign keys cascade), its audit log too. */
    async remove(id: string) {
      const result = await db.deleteFrom('organisations').where('id', '=', id).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
    findById: (id: string) => db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),
    findBySlug: (slug: string) =>
      db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst(),
    count: async () =>
      Number(
        (
          await db
            .selectFrom('organisations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  }
}

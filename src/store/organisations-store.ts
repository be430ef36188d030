import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'

/** Organisations are the tenants themselves, so these lookups are the only unscoped ones. */
export function organisationsStore(db: Executor) {
  return {
    async create(input: { slug: string; name: string; settings?: Record<string, unknown> }) {
      return db
        .insertInto('organisations')
        .values({ slug: input.slug, name: input.name, settings: json(input.settings ?? {}) })
        .returningAll()
        .executeTakeFirstOrThrow()
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

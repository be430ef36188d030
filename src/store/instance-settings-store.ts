import type { Executor } from './schema/index.js'

export function instanceSettingsStore(db: Executor) {
  return {
    /**
     * Returns the stored value, storing `make()` first if there is none; racing nodes agree on the first writer's
     * value.
     */
    async getOrCreate(key: string, make: () => string): Promise<string> {
      await db
        .insertInto('instance_settings')
        .values({ key, value: make() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
      const row = await db
        .selectFrom('instance_settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirstOrThrow()
      return row.value
    },
  }
}

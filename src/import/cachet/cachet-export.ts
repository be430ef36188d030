import { z } from 'zod'

/**
 * Cachet's API v1 objects (docs.cachethq.io): components, component groups, incidents with
 * their updates, schedules (maintenance) and subscribers with their subscriptions. The API
 * client and the database reader (a Cachet SQLite database) both produce this shape.
 */
const id = z.coerce.number().int()
const text = z.string().nullish()
const flag = z.union([z.boolean(), z.number(), z.string()]).transform((v) => v === true || v === 1 || v === '1')

export const cachetExport = z.looseObject({
  page: z.looseObject({ id: z.string().min(1), name: z.string(), time_zone: text }),
  components: z.array(
    z.looseObject({
      id,
      name: z.string(),
      description: text,
      status: z.coerce.number().int(),
      order: z.coerce.number().nullish(),
      group_id: id.nullish(),
      enabled: flag.nullish(),
    }),
  ),
  component_groups: z.array(z.looseObject({ id, name: z.string(), order: z.coerce.number().nullish() })).default([]),
  incidents: z.array(
    z.looseObject({
      id,
      component_id: id.nullish(),
      name: z.string(),
      status: z.coerce.number().int(),
      visible: flag.nullish(),
      message: text,
      occurred_at: text,
      scheduled_at: text,
      created_at: z.string(),
      updated_at: text,
      updates: z
        .array(z.looseObject({ id, status: z.coerce.number().int(), message: text, created_at: z.string() }))
        .default([]),
    }),
  ),
  schedules: z
    .array(
      z.looseObject({
        id,
        name: z.string(),
        message: text,
        status: z.coerce.number().int(),
        scheduled_at: z.string(),
        completed_at: text,
        components: z.array(z.union([id, z.looseObject({ id })])).default([]),
      }),
    )
    .default([]),
  subscribers: z
    .array(
      z.looseObject({
        id,
        email: z.string(),
        verified_at: text,
        global: flag.nullish(),
        subscriptions: z.array(z.union([id, z.looseObject({ component_id: id })])).default([]),
      }),
    )
    .default([]),
})
export type CachetExport = z.infer<typeof cachetExport>

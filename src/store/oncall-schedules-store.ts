import type { Restriction } from '../domain/oncall/schedule-types.js'
import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'
import { definedColumns } from './defined-columns.js'

export interface LayerWrite {
  name: string
  shiftUnit: 'hours' | 'days' | 'weeks'
  shiftLength: number
  startAt: Date
  endAt: Date | null
  timeZone: string
  restrictions: Restriction[]
  participantIds: string[]
}

export interface OverrideWrite {
  userId: string
  replacesUserId: string | null
  startAt: Date
  endAt: Date
}

export function oncallSchedulesStore(db: Executor, orgId: string) {
  const scoped = () => db.selectFrom('oncall_schedules').selectAll().where('org_id', '=', orgId)
  return {
    list: () => scoped().orderBy('name').orderBy('id').limit(1000).execute(),
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    /** Locks the schedule row so two edits of its layers do not interleave. */
    getForUpdate: (id: string) => scoped().where('id', '=', id).forUpdate().executeTakeFirst(),
    getMany: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : scoped()
            .where('id', 'in', [...ids])
            .execute(),
    create: (input: { name: string; description: string; timeZone: string }) =>
      db
        .insertInto('oncall_schedules')
        .values({ org_id: orgId, name: input.name, description: input.description, time_zone: input.timeZone })
        .returningAll()
        .executeTakeFirstOrThrow(),
    update: (id: string, input: { name?: string; description?: string; timeZone?: string }, now: Date) =>
      db
        .updateTable('oncall_schedules')
        .set({
          ...definedColumns(input, ['name', 'description', 'timeZone']),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async remove(id: string) {
      const result = await db
        .deleteFrom('oncall_schedules')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
    listLayers: (scheduleIds: readonly string[]) =>
      scheduleIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('oncall_layers')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('schedule_id', 'in', [...scheduleIds])
            .orderBy('schedule_id')
            .orderBy('position')
            .execute(),
    listParticipants: (layerIds: readonly string[]) =>
      layerIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('oncall_layer_participants')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('layer_id', 'in', [...layerIds])
            .orderBy('layer_id')
            .orderBy('position')
            .execute(),
    /** Layers are replaced whole: a rotation's meaning depends on its order, so partial edits would mislead. */
    async replaceLayers(scheduleId: string, layers: readonly LayerWrite[]) {
      await db.deleteFrom('oncall_layers').where('org_id', '=', orgId).where('schedule_id', '=', scheduleId).execute()
      for (const [position, layer] of layers.entries()) {
        const row = await db
          .insertInto('oncall_layers')
          .values({
            org_id: orgId,
            schedule_id: scheduleId,
            position,
            name: layer.name,
            shift_unit: layer.shiftUnit,
            shift_length: layer.shiftLength,
            start_at: layer.startAt,
            end_at: layer.endAt,
            time_zone: layer.timeZone,
            restrictions: json(layer.restrictions),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        if (layer.participantIds.length === 0) continue
        await db
          .insertInto('oncall_layer_participants')
          .values(layer.participantIds.map((user_id, i) => ({ org_id: orgId, layer_id: row.id, position: i, user_id })))
          .execute()
      }
    },
    /** Overrides that end after `since` (older ones no longer change who is on call). */
    listOverrides: (scheduleIds: readonly string[], since?: Date) => {
      if (scheduleIds.length === 0) return Promise.resolve([])
      let query = db
        .selectFrom('oncall_overrides')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('schedule_id', 'in', [...scheduleIds])
      if (since) query = query.where('end_at', '>', since)
      return query.orderBy('created_at').orderBy('id').limit(10_000).execute()
    },
    addOverride: (scheduleId: string, input: OverrideWrite) =>
      db
        .insertInto('oncall_overrides')
        .values({
          org_id: orgId,
          schedule_id: scheduleId,
          user_id: input.userId,
          replaces_user_id: input.replacesUserId,
          start_at: input.startAt,
          end_at: input.endAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    async removeOverride(scheduleId: string, overrideId: string) {
      const result = await db
        .deleteFrom('oncall_overrides')
        .where('org_id', '=', orgId)
        .where('schedule_id', '=', scheduleId)
        .where('id', '=', overrideId)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
    /** Schedules a person takes part in, through a layer or an override. */
    scheduleIdsOf: async (userId: string) => {
      const viaLayers = await db
        .selectFrom('oncall_layer_participants as p')
        .innerJoin('oncall_layers as l', 'l.id', 'p.layer_id')
        .select('l.schedule_id')
        .where('p.org_id', '=', orgId)
        .where('p.user_id', '=', userId)
        .execute()
      const viaOverrides = await db
        .selectFrom('oncall_overrides')
        .select('schedule_id')
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .execute()
      return [...new Set([...viaLayers, ...viaOverrides].map((r) => r.schedule_id))]
    },
  }
}
export type OncallSchedulesStore = ReturnType<typeof oncallSchedulesStore>

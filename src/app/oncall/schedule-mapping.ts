import type { Layer, Restriction, Schedule } from '../../domain/oncall/schedule-types.js'
import type { LayerWrite } from '../../store/oncall-schedules-store.js'
import type { OncallStore } from '../../store/oncall-store.js'
import type { z } from 'zod'
import type { layerSchema, restrictionSchema } from './oncall-input.js'

type ScheduleRow = Awaited<ReturnType<OncallStore['schedules']['list']>>[number]
type OverrideRow = Awaited<ReturnType<OncallStore['schedules']['listOverrides']>>[number]

export interface LoadedSchedule {
  row: ScheduleRow
  schedule: Schedule
  overrides: OverrideRow[]
}

/** Schedules as the domain sees them, with layers in precedence order and the overrides that still matter. */
export async function loadSchedules(
  store: OncallStore,
  ids?: readonly string[],
  overridesSince?: Date,
): Promise<Map<string, LoadedSchedule>> {
  const rows = ids ? await store.schedules.getMany(ids) : await store.schedules.list()
  const scheduleIds = rows.map((r) => r.id)
  const [layers, overrides] = await Promise.all([
    store.schedules.listLayers(scheduleIds),
    store.schedules.listOverrides(scheduleIds, overridesSince),
  ])
  const participants = await store.schedules.listParticipants(layers.map((l) => l.id))
  const loaded = new Map<string, LoadedSchedule>()
  for (const row of rows) {
    const ownOverrides = overrides.filter((o) => o.schedule_id === row.id)
    const schedule: Schedule = {
      id: row.id,
      name: row.name,
      timeZone: row.time_zone,
      layers: layers
        .filter((l) => l.schedule_id === row.id)
        .map(
          (l): Layer => ({
            id: l.id,
            name: l.name,
            participants: participants.filter((p) => p.layer_id === l.id).map((p) => p.user_id),
            shiftLength: { unit: l.shift_unit, length: l.shift_length },
            startAt: l.start_at,
            endAt: l.end_at,
            timeZone: l.time_zone,
            restrictions: l.restrictions,
          }),
        ),
      overrides: ownOverrides.map((o) => ({
        id: o.id,
        userId: o.user_id,
        startAt: o.start_at,
        endAt: o.end_at,
        replacesUserId: o.replaces_user_id,
      })),
    }
    loaded.set(row.id, { row, schedule, overrides: ownOverrides })
  }
  return loaded
}

export function restrictionFromInput(r: z.infer<typeof restrictionSchema>): Restriction {
  const zone = r.time_zone ? { timeZone: r.time_zone } : {}
  if (r.kind === 'daily') return { kind: 'daily', startTime: r.start_time, endTime: r.end_time, ...zone }
  return {
    kind: 'weekly',
    startDay: r.start_day as 1,
    startTime: r.start_time,
    endDay: r.end_day as 1,
    endTime: r.end_time,
    ...zone,
  }
}

function restrictionView(r: Restriction) {
  const zone = r.timeZone ? { time_zone: r.timeZone } : {}
  if (r.kind === 'daily') return { kind: r.kind, start_time: r.startTime, end_time: r.endTime, ...zone }
  return {
    kind: r.kind,
    start_day: r.startDay,
    start_time: r.startTime,
    end_day: r.endDay,
    end_time: r.endTime,
    ...zone,
  }
}

export function layerWriteFromInput(l: z.infer<typeof layerSchema>): LayerWrite {
  return {
    name: l.name,
    shiftUnit: l.shift_unit,
    shiftLength: l.shift_length,
    startAt: l.start_at,
    endAt: l.end_at ?? null,
    timeZone: l.time_zone,
    restrictions: l.restrictions.map(restrictionFromInput),
    participantIds: l.participant_ids,
  }
}

export function layerWriteFromDomain(l: Layer): LayerWrite {
  return {
    name: l.name ?? '',
    shiftUnit: l.shiftLength.unit,
    shiftLength: l.shiftLength.length,
    startAt: l.startAt,
    endAt: l.endAt ?? null,
    timeZone: l.timeZone,
    restrictions: [...(l.restrictions ?? [])],
    participantIds: [...l.participants],
  }
}

export function overrideView(o: OverrideRow) {
  return {
    id: o.id,
    user_id: o.user_id,
    replaces_user_id: o.replaces_user_id,
    start_at: o.start_at,
    end_at: o.end_at,
    created_at: o.created_at,
  }
}

export function scheduleView({ row, schedule, overrides }: LoadedSchedule) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    time_zone: row.time_zone,
    layers: schedule.layers.map((l) => ({
      id: l.id,
      name: l.name ?? '',
      participant_ids: l.participants,
      shift_length: l.shiftLength.length,
      shift_unit: l.shiftLength.unit,
      start_at: l.startAt,
      end_at: l.endAt ?? null,
      time_zone: l.timeZone,
      restrictions: (l.restrictions ?? []).map(restrictionView),
    })),
    overrides: overrides.map(overrideView),
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

/** The answer to "who is on call at T" for one schedule: layers from the top down, overrides over them. */
import { layerUserAt } from './layer-coverage.js'
import type { OnCall, Override, Schedule } from './schedule-types.js'

function layersOnCallAt(schedule: Schedule, ms: number): OnCall | null {
  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const layer = schedule.layers[i]!
    const userId = layerUserAt(layer, ms)
    if (userId !== null) return { userId, source: { kind: 'layer', layerId: layer.id } }
  }
  return null
}

/** The override in force at `ms` over whoever the layers put on call (the latest one wins). */
export function overrideAt(
  overrides: readonly Override[],
  ms: number,
  underneath: string | null,
): Override | undefined {
  for (let i = overrides.length - 1; i >= 0; i--) {
    const o = overrides[i]!
    if (o.startAt.getTime() > ms || ms >= o.endAt.getTime()) continue
    if (o.replacesUserId && o.replacesUserId !== underneath) continue
    return o
  }
  return undefined
}

/** Who is on call at `at`: the latest matching override, else the top layer that has someone. */
export function whoIsOnCall(schedule: Schedule, at: Date): OnCall | null {
  const ms = at.getTime()
  const fromLayers = layersOnCallAt(schedule, ms)
  const override = overrideAt(schedule.overrides ?? [], ms, fromLayers?.userId ?? null)
  if (override) return { userId: override.userId, source: { kind: 'override', overrideId: override.id } }
  return fromLayers
}

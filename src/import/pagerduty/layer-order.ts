import type { PlannedLayer } from '../../domain/import/import-plan.js'
import type { Schedule } from '../../domain/oncall/schedule-types.js'
import { whoIsOnCall } from '../../domain/oncall/who-is-on-call.js'

export interface RenderedEntry {
  start: Date
  end: Date
  /** The plan key of whoever PagerDuty rendered on call. */
  personKey: string | null
}

function agreement(layers: PlannedLayer[], overrides: Schedule['overrides'], entries: RenderedEntry[]): number {
  const schedule: Schedule = {
    id: 'candidate',
    timeZone: 'UTC',
    layers: layers.map((l, i) => ({
      id: String(i),
      participants: l.participantKeys,
      shiftLength: { unit: l.shiftUnit, length: l.shiftLength },
      startAt: l.startAt,
      endAt: l.endAt,
      timeZone: l.timeZone,
      restrictions: l.restrictions,
    })),
    overrides: overrides ?? [],
  }
  return entries.filter((e) => {
    const middle = new Date((e.start.getTime() + e.end.getTime()) / 2)
    return (whoIsOnCall(schedule, middle)?.userId ?? null) === e.personKey
  }).length
}

/**
 * PagerDuty's GET has listed layers highest precedence first, the reverse of how they are
 * created, and its API changelog speaks of that order being fixed. When the schedule came with
 * its rendered final schedule, the order that reproduces it is taken; otherwise GET's order.
 * `perLayer` holds each source layer's Candor layers in the order GET gave them.
 */
export function layersInPrecedence(
  perLayer: PlannedLayer[][],
  overrides: Schedule['overrides'],
  rendered: RenderedEntry[],
): { layers: PlannedLayer[]; isReadReversed: boolean } {
  const highestFirst = [...perLayer].reverse().flat()
  if (perLayer.length < 2 || rendered.length === 0) return { layers: highestFirst, isReadReversed: false }
  const lowestFirst = perLayer.flat()
  return agreement(lowestFirst, overrides, rendered) > agreement(highestFirst, overrides, rendered)
    ? { layers: lowestFirst, isReadReversed: true }
    : { layers: highestFirst, isReadReversed: false }
}

import { layerCoverage, type CoveragePiece } from './layer-coverage.js'
import type { Schedule, ScheduleSegment, SegmentSource } from './schedule-types.js'
import { overrideAt } from './who-is-on-call.js'

function sameSource(a: SegmentSource, b: SegmentSource): boolean {
  if (a.kind === 'override' && b.kind === 'override') return a.overrideId === b.overrideId
  if (a.kind === 'layer' && b.kind === 'layer') return a.layerId === b.layerId
  return a.kind === b.kind
}

/**
 * The final schedule over [from, to) as contiguous segments, gaps included (userId null).
 * Every layer's pieces and every override edge become boundaries; between two boundaries
 * nothing changes, so one decision per stretch is enough.
 */
export function renderSchedule(schedule: Schedule, from: Date, to: Date): ScheduleSegment[] {
  const fromMs = from.getTime()
  const toMs = to.getTime()
  if (fromMs >= toMs) return []
  const pieces = schedule.layers.map((layer) => layerCoverage(layer, fromMs, toMs))
  const overrides = (schedule.overrides ?? []).filter((o) => o.startAt.getTime() < toMs && o.endAt.getTime() > fromMs)
  const edges = new Set<number>([fromMs, toMs])
  for (const list of pieces) for (const p of list) edges.add(p.startMs).add(p.endMs)
  for (const o of overrides) edges.add(Math.max(o.startAt.getTime(), fromMs)).add(Math.min(o.endAt.getTime(), toMs))
  const boundaries = [...edges].sort((a, b) => a - b)

  const cursors = pieces.map(() => 0)
  const pieceAt = (layerIndex: number, ms: number): CoveragePiece | undefined => {
    const list = pieces[layerIndex]!
    let c = cursors[layerIndex]!
    while (c < list.length && list[c]!.endMs <= ms) c++
    cursors[layerIndex] = c
    const piece = list[c]
    return piece && piece.startMs <= ms ? piece : undefined
  }

  const segments: ScheduleSegment[] = []
  for (let b = 0; b < boundaries.length - 1; b++) {
    const startMs = boundaries[b]!
    const endMs = boundaries[b + 1]!
    let userId: string | null = null
    let source: SegmentSource = { kind: 'none' }
    for (let i = schedule.layers.length - 1; i >= 0; i--) {
      const piece = pieceAt(i, startMs)
      if (piece && userId === null) {
        userId = piece.userId
        source = { kind: 'layer', layerId: schedule.layers[i]!.id }
      }
    }
    const override = overrideAt(overrides, startMs, userId)
    if (override) {
      userId = override.userId
      source = { kind: 'override', overrideId: override.id }
    }
    const last = segments[segments.length - 1]
    if (last && last.userId === userId && sameSource(last.source, source)) last.endAt = new Date(endMs)
    else segments.push({ startAt: new Date(startMs), endAt: new Date(endMs), userId, source })
  }
  return segments
}

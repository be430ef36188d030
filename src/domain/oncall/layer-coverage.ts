import { activeWindows, type Interval } from './restriction.js'
import { rotationShiftAt, rotationShiftsBetween } from './rotation.js'
import type { Layer } from './schedule-types.js'

/** A stretch of one layer in which one person holds it. */
export interface CoveragePiece {
  startMs: number
  endMs: number
  userId: string
}

const BLOCK_MS = 7 * 86_400_000
const windowCache = new WeakMap<Layer, Map<number, Interval[]>>()

/**
 * Whether the layer's restrictions let it put someone on call at `ms`. Windows are built a
 * week at a time and kept, because lookups come in runs (every hour of a year) and
 * building them is calendar math; the same builder serves rendering, so both agree.
 */
function isLayerActiveAt(layer: Layer, ms: number): boolean {
  if (!layer.restrictions || layer.restrictions.length === 0) return true
  const block = Math.floor(ms / BLOCK_MS)
  let blocks = windowCache.get(layer)
  if (!blocks) windowCache.set(layer, (blocks = new Map()))
  let windows = blocks.get(block)
  if (!windows) {
    windows = activeWindows(layer.restrictions, layer.timeZone, block * BLOCK_MS, (block + 1) * BLOCK_MS)
    if (blocks.size >= 64) blocks.clear()
    blocks.set(block, windows)
  }
  return windows.some((w) => w.startMs <= ms && ms < w.endMs)
}

/** Who a layer puts on call at `ms` (rotation and restrictions); null for nobody. */
export function layerUserAt(layer: Layer, ms: number): string | null {
  const shift = rotationShiftAt(layer, ms)
  if (!shift || !isLayerActiveAt(layer, ms)) return null
  return shift.userId
}

/** The layer's pieces within [fromMs, toMs): sorted, non-overlapping, gaps where it has nobody. */
export function layerCoverage(layer: Layer, fromMs: number, toMs: number): CoveragePiece[] {
  const shifts = rotationShiftsBetween(layer, fromMs, toMs)
  if (shifts.length === 0) return []
  const windows = activeWindows(layer.restrictions, layer.timeZone, fromMs, toMs)
  const pieces: CoveragePiece[] = []
  let w = 0
  for (const shift of shifts) {
    const shiftStart = Math.max(shift.startMs, fromMs)
    const shiftEnd = Math.min(shift.endMs, toMs)
    while (w < windows.length && windows[w]!.endMs <= shiftStart) w++
    for (let i = w; i < windows.length && windows[i]!.startMs < shiftEnd; i++) {
      const window = windows[i]!
      const startMs = Math.max(shiftStart, window.startMs)
      const endMs = Math.min(shiftEnd, window.endMs)
      if (startMs < endMs) pieces.push({ startMs, endMs, userId: shift.userId })
    }
  }
  return pieces
}

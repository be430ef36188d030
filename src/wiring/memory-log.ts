import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { BackgroundService } from '../app/background-service.js'
import type { Logger } from '../logger.js'
import type { DatabaseHandle } from '../store/database.js'

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)

/** Where the process's memory is, in MB: what MEMORY_LOG_SECONDS logs. */
export function memoryFigures(database: DatabaseHandle) {
  const m = process.memoryUsage()
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
    // Committed per V8 space: heapTotal minus heapUsed is mostly an idle new space or old-space pages
    // not yet given back, and this says which.
    heapSpacesMb: Object.fromEntries(
      getHeapSpaceStatistics()
        .filter((space) => space.space_size >= 2 ** 20)
        .map((space) => [space.space_name.replace(/_space$/, ''), mb(space.space_size)]),
    ),
    // PGlite's WebAssembly memory: only grows; pages it never touched take no RSS.
    ...(database.pglite ? { embeddedDatabaseHeapMb: mb(database.pglite.Module.HEAPU8.byteLength) } : {}),
  }
}

/** MEMORY_LOG_SECONDS: RSS, JS heap and the embedded database's heap, logged at info every so often. */
export function memoryLogService(database: DatabaseHandle, logger: Logger, seconds: number): BackgroundService {
  let timer: NodeJS.Timeout | undefined
  return {
    name: 'memory log',
    async start() {
      logger.info(memoryFigures(database), 'memory')
      timer = setInterval(() => logger.info(memoryFigures(database), 'memory'), seconds * 1000)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
    },
  }
}

/** V8's full collection, without starting Node with --expose-gc (the flag only adds the global). */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

export interface IdleGcOptions {
  /** How often the event loop's load is looked at. */
  checkMs: number
  /** Busier than this share of a check, the process is working; under it, idle. */
  busyShare: number
  /** The heap must have grown this much since the last collection for one to be worth it. */
  growthMb: number
}

// Checked every second, so the collection comes a second or two after a burst ends rather than up to ten.
const defaultIdleGc: IdleGcOptions = { checkMs: 1_000, busyShare: 0.1, growthMb: 16 }

const usedHeap = () => getHeapStatistics().used_heap_size

/**
 * After a burst (a flood of status-page readers, a fan-out) the JS heap keeps what the burst
 * left until allocation forces a major collection, which an idle server never does: its RSS
 * stays at the burst's size. Once the event loop has been idle for a whole check and the heap
 * grew since the last collection, one full collection gives it back (DESIGN.md, "Embedded
 * database memory"). Never during load: a busy check only re-arms it.
 *
 * The young generation is not given back this way: V8 shrinks it only when allocation has been
 * slow for 5 s, and an idle Candor still allocates about 2 MB/s (the embedded database's polling
 * queries), so it stays at its largest; `candor serve` caps it instead (wiring/server-process.ts).
 */
export function idleGcService(options: IdleGcOptions = defaultIdleGc): BackgroundService {
  let timer: NodeJS.Timeout | undefined
  return {
    name: 'idle GC',
    async start() {
      const gc = fullGc()
      let last = performance.eventLoopUtilization()
      let heapAfterGc = usedHeap()
      timer = setInterval(() => {
        const now = performance.eventLoopUtilization()
        const share = performance.eventLoopUtilization(now, last).utilization
        last = now
        if (share > options.busyShare) return
        if (usedHeap() - heapAfterGc < options.growthMb * 2 ** 20) return
        gc()
        heapAfterGc = usedHeap()
      }, options.checkMs)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
    },
  }
}

import type { BackgroundService } from '../app/background-service.js'
import type { Logger } from '../logger.js'
import type { DatabaseHandle } from '../store/database.js'

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)

/** Where the process's memory is, in MB: what MEMORY_LOG_SECONDS logs and the start log shows. */
export function memoryFigures(database: DatabaseHandle) {
  const m = process.memoryUsage()
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
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

import { statusPageViews } from '../../app/status-page/status-page-views.js'
import type { AppDeps } from '../../app/context.js'
import { LiveHub } from './live-hub.js'
import { defaultHostsOf } from './page-hosts.js'
import { StatusSnapshotCache } from './snapshot-cache.js'

/** One snapshot cache and one live hub per running app, shared by the routes and the background service. */
export interface StatusPagesRuntime {
  cache: StatusSnapshotCache
  hub: LiveHub
  /** False until the first full load finished: the routes answer 503 rather than 404 before that. */
  isReady(): boolean
  start(): Promise<void>
  stop(): void
}

/** Made once by the wiring and kept on the deps (`deps.statusPages`). */
export function createStatusPagesRuntime(
  deps: Pick<AppDeps, 'store' | 'baseUrl' | 'clock' | 'logger'>,
  options: { refreshIntervalMs?: number } = {},
): StatusPagesRuntime {
  const hub = new LiveHub()
  let ready = false
  const cache = new StatusSnapshotCache({
    source: statusPageViews(deps),
    clock: deps.clock,
    logger: deps.logger,
    onChange: (page) => hub.publish(page.pageId, page.version),
    defaultHosts: defaultHostsOf(deps.baseUrl),
    ...(options.refreshIntervalMs !== undefined ? { refreshIntervalMs: options.refreshIntervalMs } : {}),
  })
  const runtime: StatusPagesRuntime = {
    cache,
    hub,
    isReady: () => ready,
    async start() {
      await cache.start()
      ready = true
    },
    stop() {
      cache.stop()
      hub.closeAll()
    },
  }
  return runtime
}

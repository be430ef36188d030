import type { BackgroundService, Feature } from '../../features.js'
import { listenForStatusPageChanges } from '../../store/status-page-change-listener.js'
import { statusPagesRuntime } from './runtime.js'

/**
 * Public status pages: in-process change events rebuild a page's snapshot at once (tests
 * included); the service loads every page at start and LISTENs for changes made by other
 * nodes and tools (triggers of migration 0006).
 */
export const statusPageFeature: Feature = {
  name: 'status-page',
  setup(deps) {
    const { cache } = statusPagesRuntime(deps)
    deps.events.on('page.changed', ({ pageId }) => pageId && cache.changed(pageId))
    deps.events.on('incident.changed', ({ pageId }) => pageId && cache.changed(pageId))
  },
  services(deps): BackgroundService[] {
    const runtime = statusPagesRuntime(deps)
    let stopListening: (() => Promise<void>) | null = null
    return [
      {
        name: 'status-page snapshots',
        async start() {
          stopListening = await listenForStatusPageChanges(deps.database, {
            onChange: (pageId) => runtime.cache.changed(pageId),
            onReconnect: () => void runtime.cache.refreshAll(),
            onError: (err) => deps.logger.warn({ err }, 'status pages: change listener lost its connection; retrying'),
          })
          await runtime.start()
        },
        async stop() {
          await stopListening?.()
          runtime.stop()
        },
      },
    ]
  },
}

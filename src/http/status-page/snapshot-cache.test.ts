import { describe, expect, it, vi } from 'vitest'
import { sampleView } from '../../status-page/sample-view.js'
import type { StatusPageView } from '../../status-page/view-model.js'
import type { PageViewSource } from '../../app/status-page/status-page-views.js'
import { StatusSnapshotCache, type ServedPage } from './snapshot-cache.js'

const logger = { warn: vi.fn(), info: vi.fn() }
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

function source(views: Map<string, StatusPageView>) {
  const calls = { load: 0 }
  let down = false
  const src: Pick<PageViewSource, 'listPageIds' | 'loadView'> = {
    listPageIds: async () => {
      if (down) throw new Error('connection refused')
      return [...views.keys()]
    },
    loadView: async (id) => {
      calls.load++
      if (down) throw new Error('connection refused')
      return views.get(id) ?? null
    },
  }
  return { src, calls, setDown: (value: boolean) => (down = value) }
}

function cacheFor(views: Map<string, StatusPageView>, onChange?: (p: ServedPage) => void) {
  const s = source(views)
  const cache = new StatusSnapshotCache({
    source: s.src,
    clock: () => new Date('2026-11-20T10:00:00Z'),
    logger,
    onChange,
    refreshIntervalMs: 0,
    debounceMs: 5,
  })
  return { cache, ...s }
}

describe('StatusSnapshotCache', () => {
  it(
    'shows the oldest page to localhost, ' + 'IP literals and the BASE_URL host, and nothing to unknown names',
    async () => {
      const first = sampleView()
      first.page.hostnames = ['status.acme.example']
      const s = source(new Map([[first.page.id, first]]))
      const cache = new StatusSnapshotCache({
        source: s.src,
        clock: () => new Date('2026-11-20T10:00:00Z'),
        logger,
        refreshIntervalMs: 0,
        defaultHosts: ['candor.internal'],
      })
      await cache.start()
      for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'candor.internal'])
        expect(cache.pageByHost(host)?.pageId).toBe(first.page.id)
      expect(cache.pageByHost('unknown.example')).toBeUndefined()
      expect(cache.pageByHost(undefined)).toBeUndefined()
    },
  )

  it('finds pages by host (case, port and trailing dot ignored) and by slug', async () => {
    const view = sampleView()
    view.page.hostnames = ['Status.Acme.example', 'status.acme.example.au']
    const { cache } = cacheFor(new Map([[view.page.id, view]]))
    await cache.start()
    expect(cache.pageByHost('status.acme.example:8080')?.slug).toBe('acme')
    expect(cache.pageByHost('STATUS.ACME.EXAMPLE.AU.')?.pageId).toBe(view.page.id)
    expect(cache.pageBySlug('acme')?.entries.get('/')).toBeDefined()
    expect(cache.pageByHost('other.example')).toBeUndefined()
  })

  it('coalesces a burst of change notifications into one rebuild and tells listeners', async () => {
    const view = sampleView()
    const changes: string[] = []
    const { cache, calls } = cacheFor(new Map([[view.page.id, view]]), (p) => changes.push(p.pageId))
    await cache.start()
    const before = cache.page(view.page.id)!.entries.get('/')!.identity.etag
    view.components[1]!.status = 'major_outage'
    calls.load = 0
    for (let i = 0; i < 10; i++) cache.changed(view.page.id)
    // Poll rather than sleep a fixed time: a loaded CI machine may take longer than the debounce to render.
    for (let i = 0; i < 300 && changes.length < 2; i++) await wait(10)
    await wait(20)
    expect(calls.load).toBe(1)
    expect(changes).toHaveLength(2)
    expect(cache.page(view.page.id)!.entries.get('/')!.identity.etag).not.toBe(before)
  })

  it('keeps serving the last snapshot when the database is down', async () => {
    const view = sampleView()
    const { cache, setDown } = cacheFor(new Map([[view.page.id, view]]))
    await cache.start()
    const served = cache.pageBySlug('acme')
    setDown(true)
    await cache.rebuild(view.page.id)
    await cache.refreshAll()
    expect(cache.pageBySlug('acme')).toBe(served)
    expect(logger.warn).toHaveBeenCalled()
  })

  it('drops a page that was deleted, and moves a page whose slug changed', async () => {
    const view = sampleView()
    const views = new Map([[view.page.id, view]])
    const { cache } = cacheFor(views)
    await cache.start()
    view.page.slug = 'acme-cloud'
    await cache.rebuild(view.page.id)
    expect(cache.pageBySlug('acme')).toBeUndefined()
    expect(cache.pageBySlug('acme-cloud')).toBeDefined()
    views.delete(view.page.id)
    await cache.refreshAll()
    expect(cache.pageBySlug('acme-cloud')).toBeUndefined()
  })

  it('resolves a rebuild asked for during another only after a build that saw the change', async () => {
    const view = sampleView()
    let loads = 0
    const slowSource: Pick<PageViewSource, 'listPageIds' | 'loadView'> = {
      listPageIds: async () => [view.page.id],
      loadView: async () => {
        const snapshotOfData = structuredClone(view)
        loads++
        await wait(30)
        return snapshotOfData
      },
    }
    const cache = new StatusSnapshotCache({
      source: slowSource,
      clock: () => new Date('2026-11-20T10:00:00Z'),
      logger,
      refreshIntervalMs: 0,
    })
    const first = cache.rebuild(view.page.id)
    await wait(5)
    view.components[1]!.name = 'Dashboard v2'
    await cache.rebuild(view.page.id)
    expect(cache.page(view.page.id)!.snapshot.get('/')!.body.toString()).toContain('Dashboard v2')
    await first
    expect(loads).toBe(2)
  })
})

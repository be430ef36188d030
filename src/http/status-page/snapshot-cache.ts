import type { Logger } from 'pino'
import type { PageViewSource } from '../../app/status-page/status-page-views.js'
import { renderSnapshot, type Snapshot } from '../../status-page/snapshot.js'
import type { StatusPageView } from '../../status-page/view-model.js'
import { answersWithDefaultPage, normaliseHost } from './page-hosts.js'
import { prepareEntry, type PreparedEntry } from './prepared-response.js'

export interface ServedPage {
  pageId: string
  slug: string
  hostnames: string[]
  /** Changes whenever any document of the page changes; sent to live readers. */
  version: string
  builtAt: Date
  snapshot: Snapshot
  entries: Map<string, PreparedEntry>
}

export interface SnapshotCacheOptions {
  source: Pick<PageViewSource, 'listPageIds' | 'loadView'>
  clock: () => Date
  logger: Pick<Logger, 'warn' | 'info'>
  /** Called after a page's documents changed, e.g. to tell its live readers. */
  onChange?: (page: ServedPage) => void
  /** Notifications arriving within this window give one rebuild. */
  debounceMs?: number
  /** Safety net for missed notifications, the uptime day rolling over and "last updated". */
  refreshIntervalMs?: number
  /** Besides localhost and IP literals, hosts that show the oldest page when no page claims them (BASE_URL's). */
  defaultHosts?: string[]
}

/**
 * Every public page rendered once per change and kept in memory. Requests only read from
 * here; a failed rebuild (database down) keeps the last good snapshot being served.
 */
export class StatusSnapshotCache {
  private readonly pages = new Map<string, ServedPage>()
  private readonly byHost = new Map<string, ServedPage>()
  private readonly bySlug = new Map<string, ServedPage>()
  private readonly pending = new Map<string, NodeJS.Timeout>()
  private readonly building = new Map<string, Promise<void>>()
  private readonly queued = new Map<string, Promise<void>>()
  private refreshTimer: NodeJS.Timeout | null = null
  /**
   * The oldest page answers local hosts no page claims (localhost, an IP, BASE_URL's host), so a
   * fresh install shows its page at once; other names stay 404.
   */
  private defaultPageId: string | null = null

  constructor(private readonly options: SnapshotCacheOptions) {}

  async start(): Promise<void> {
    await this.refreshAll()
    const every = this.options.refreshIntervalMs ?? 300_000
    if (every > 0) {
      this.refreshTimer = setInterval(() => void this.refreshAll().catch(() => undefined), every)
      this.refreshTimer.unref()
    }
  }

  stop(): void {
    if (this.refreshTimer) clearInterval(this.refreshTimer)
    for (const timer of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
  }

  pageByHost(host: string | undefined): ServedPage | undefined {
    const name = normaliseHost(host)
    const claimed = this.byHost.get(name)
    if (claimed || !this.defaultPageId || !answersWithDefaultPage(name, this.options.defaultHosts ?? [])) return claimed
    return this.pages.get(this.defaultPageId)
  }

  pageBySlug(slug: string): ServedPage | undefined {
    return this.bySlug.get(slug)
  }

  page(pageId: string): ServedPage | undefined {
    return this.pages.get(pageId)
  }

  /** A page (or something on it) changed: rebuild it soon, once, however many notifications arrive. */
  changed(pageId: string): void {
    if (this.pending.has(pageId)) return
    const timer = setTimeout(() => {
      this.pending.delete(pageId)
      void this.rebuild(pageId)
    }, this.options.debounceMs ?? 20)
    this.pending.set(pageId, timer)
  }

  async refreshAll(): Promise<void> {
    let ids: string[]
    try {
      ids = await this.options.source.listPageIds()
    } catch (error) {
      this.options.logger.warn({ err: error }, 'status pages: cannot list pages; serving the last snapshots')
      return
    }
    for (const gone of [...this.pages.keys()].filter((id) => !ids.includes(id))) this.remove(gone)
    this.defaultPageId = ids[0] ?? null
    for (const id of ids) await this.rebuild(id)
  }

  /**
   * Rebuilds one page; resolves once a build that began after the call has finished. Concurrent
   * calls share one queued run.
   */
  rebuild(pageId: string): Promise<void> {
    const queued = this.queued.get(pageId)
    if (queued) return queued
    const running = this.building.get(pageId)
    if (running) {
      const next = running.then(() => {
        this.queued.delete(pageId)
        return this.rebuild(pageId)
      })
      this.queued.set(pageId, next)
      return next
    }
    const run = this.build(pageId)
      .catch((error: unknown) =>
        this.options.logger.warn({ err: error, pageId }, 'status page: rendering failed; serving the last snapshot'),
      )
      .finally(() => this.building.delete(pageId))
    this.building.set(pageId, run)
    return run
  }

  private async build(pageId: string): Promise<void> {
    const now = this.options.clock()
    let view: StatusPageView | null
    try {
      view = await this.options.source.loadView(pageId, now)
    } catch (error) {
      this.options.logger.warn({ err: error, pageId }, 'status page: rebuild failed; serving the last snapshot')
      return
    }
    if (!view) return this.remove(pageId)
    const previous = this.pages.get(pageId)
    const snapshot = await renderSnapshot(view, previous ? { previous: previous.snapshot } : {})
    const entries = new Map<string, PreparedEntry>()
    for (const [path, entry] of snapshot) {
      const old = previous?.snapshot.get(path)
      entries.set(path, old === entry ? previous!.entries.get(path)! : prepareEntry(path, entry))
    }
    const served: ServedPage = {
      pageId,
      slug: view.page.slug,
      hostnames: view.page.hostnames.map(normaliseHost),
      version: now.toISOString(),
      builtAt: now,
      snapshot,
      entries,
    }
    if (previous) this.unindex(previous)
    this.pages.set(pageId, served)
    this.defaultPageId ??= pageId
    this.bySlug.set(served.slug, served)
    for (const host of served.hostnames) this.byHost.set(host, served)
    const changed =
      !previous ||
      previous.snapshot.size !== snapshot.size ||
      [...snapshot].some(([p, e]) => previous.snapshot.get(p) !== e)
    if (changed) this.options.onChange?.(served)
  }

  private remove(pageId: string): void {
    const page = this.pages.get(pageId)
    if (!page) return
    this.unindex(page)
    this.pages.delete(pageId)
    if (this.defaultPageId === pageId) this.defaultPageId = this.pages.keys().next().value ?? null
  }

  private unindex(page: ServedPage): void {
    if (this.bySlug.get(page.slug) === page) this.bySlug.delete(page.slug)
    for (const host of page.hostnames) if (this.byHost.get(host) === page) this.byHost.delete(host)
  }
}

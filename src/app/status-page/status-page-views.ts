import type { StatusPageView } from '../../status-page/view-model.js'
import { statusPageViewStore } from '../../store/status-page-view-store.js'
import type { AppDeps } from '../context.js'
import { buildStatusPageView, viewWindowStart } from './build-status-page-view.js'

/** Where page views come from; the snapshot cache and the static export read only this. */
export interface PageViewSource {
  listPageIds(): Promise<string[]>
  /** null when the page no longer exists. */
  loadView(pageId: string, now: Date): Promise<StatusPageView | null>
  findPageIdBySlug(slug: string): Promise<string | null>
}

export function statusPageViews(deps: Pick<AppDeps, 'store' | 'baseUrl'>): PageViewSource {
  const store = statusPageViewStore(deps.store.db)
  return {
    listPageIds: () => store.listPageIds(),
    async loadView(pageId, now) {
      const rows = await store.load(pageId, { since: viewWindowStart(now) })
      return rows ? buildStatusPageView(rows, { now, baseUrl: deps.baseUrl }) : null
    },
    async findPageIdBySlug(slug) {
      return (await deps.store.publicPages.findBySlug(slug))?.id ?? null
    },
  }
}

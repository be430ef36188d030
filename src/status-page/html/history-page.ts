import { byStartedNewest, type IncidentView, type MaintenanceView, type StatusPageView } from '../view-model.js'
import type { RenderContext } from './context.js'
import { incidentSummary } from './incidents.js'
import { documentHtml } from './layout.js'
import { maintenanceWindow } from './maintenances.js'
import { html, type SafeHtml } from './safe-html.js'

/** A page of history covers a quarter, like Statuspage: three calendar months (UTC), newest first. */
export const monthsPerHistoryPage = 3

const monthIndex = (at: Date) => at.getUTCFullYear() * 12 + at.getUTCMonth()
const monthStart = (index: number) => new Date(Date.UTC(Math.floor(index / 12), index % 12, 1))

function pastMaintenances(view: StatusPageView): MaintenanceView[] {
  return view.maintenances.filter((m) => m.status === 'completed')
}

export function historyPageCount(view: StatusPageView): number {
  const newest = monthIndex(view.generatedAt)
  const starts = [...view.incidents.map((i) => i.startedAt), ...pastMaintenances(view).map((m) => m.scheduledFor)]
  const oldest = Math.min(newest, ...starts.map(monthIndex))
  return Math.max(1, Math.ceil((newest - oldest + 1) / monthsPerHistoryPage))
}

function maintenanceSummary(ctx: RenderContext, m: MaintenanceView): SafeHtml {
  return html`<li class="history-item impact-maintenance">
<h3 class="history-title"><a href="${ctx.links.incident(m.id)}">${
    m.name
  }</a> <span class="pill impact-maintenance">${ctx.tr.t('impact.maintenance')}</span></h3>
${maintenanceWindow(ctx, m)}
</li>`
}

function monthBlock(ctx: RenderContext, index: number): SafeHtml {
  const inMonth = (at: Date) => monthIndex(at) === index
  const incidents: IncidentView[] = ctx.view.incidents.filter((i) => inMonth(i.startedAt)).sort(byStartedNewest)
  const maintenances = pastMaintenances(ctx.view)
    .filter((m) => inMonth(m.scheduledFor))
    .sort((a, b) => b.scheduledFor.getTime() - a.scheduledFor.getTime())
  const id = `month-${monthStart(index).toISOString().slice(0, 7)}`
  return html`<section class="month" aria-labelledby="${id}">
<h2 id="${id}">${ctx.tr.month(monthStart(index))}</h2>
${
  incidents.length + maintenances.length
    ? html`<ul class="history-list">${incidents.map((i) => incidentSummary(ctx, i))}${maintenances.map((m) =>
        maintenanceSummary(ctx, m),
      )}</ul>`
    : html`<p class="empty">${ctx.tr.t('noIncidentsMonth')}</p>`
}
</section>`
}

export function renderHistoryPage(ctx: RenderContext, page: number): string {
  const { tr, links, view } = ctx
  const total = historyPageCount(view)
  const first = monthIndex(view.generatedAt) - (page - 1) * monthsPerHistoryPage
  const months = Array.from({ length: monthsPerHistoryPage }, (_, i) => first - i)
  const title = `${tr.t('historyTitle')} · ${view.page.name}`
  return documentHtml(
    ctx,
    title,
    html`<p class="back"><a href="${links.home}">${tr.t('backToStatus')}</a></p>
<h1>${tr.t('historyTitle')}</h1>
${months.map((m) => monthBlock(ctx, m))}
<nav class="pager" aria-label="${tr.t('pageOf', { page, total })}">
${page > 1 ? html`<a rel="prev" href="${links.history(page - 1)}">${tr.t('newer')}</a>` : ''}
<span>${tr.t('pageOf', { page, total })}</span>
${page < total ? html`<a rel="next" href="${links.history(page + 1)}">${tr.t('older')}</a>` : ''}
</nav>`,
  )
}

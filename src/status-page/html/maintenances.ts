import { isMaintenanceActive } from '../../domain/incident/maintenance-status.js'
import { newestFirst, type MaintenanceView } from '../view-model.js'
import type { RenderContext } from './context.js'
import { affectedComponents } from './incidents.js'
import { html, translateHtml, trustedHtml, type SafeHtml } from './safe-html.js'
import { timeTag } from './time.js'

export function maintenanceWindow(ctx: RenderContext, m: MaintenanceView): SafeHtml {
  const { tr } = ctx
  return html`<p class="window">${translateHtml(tr.t, 'scheduledWindow', {
    start: timeTag(tr, m.scheduledFor),
    end: timeTag(tr, m.scheduledUntil),
  })}</p>`
}

export function maintenanceUpdates(ctx: RenderContext, m: MaintenanceView): SafeHtml {
  const { tr } = ctx
  return html`<ol class="updates">${newestFirst(m.updates).map(
    (u) => html`<li class="update">
<p class="update-head"><strong class="update-status">${tr.t(
      `maintenanceStatus.${u.status}`,
    )}</strong> ${timeTag(tr, u.displayAt)}</p>
<div class="update-body">${trustedHtml(u.bodyHtml)}</div>
</li>`,
  )}</ol>`
}

/** A maintenance on the home page: its window, latest word and affected components. */
export function maintenanceArticle(ctx: RenderContext, m: MaintenanceView, headingLevel: 2 | 3 = 3): SafeHtml {
  const { tr, links } = ctx
  const titleId = `maintenance-${m.id}-title`
  const title =
    headingLevel === 2
      ? html`<h2 id="${titleId}" class="incident-title">${m.name}</h2>`
      : html`<h3 id="${titleId}" class="incident-title"><a href="${links.incident(m.id)}">${m.name}</a></h3>`
  return html`<article class="incident impact-maintenance" id="maintenance-${m.id}" aria-labelledby="${titleId}">
${title}
<p class="incident-meta"><span class="pill impact-maintenance">${tr.t(`maintenanceStatus.${m.status}`)}</span></p>
${maintenanceWindow(ctx, m)}
${affectedComponents(ctx, m.componentIds)}
${maintenanceUpdates(ctx, m)}
</article>`
}

const byStart = (a: MaintenanceView, b: MaintenanceView) => a.scheduledFor.getTime() - b.scheduledFor.getTime()

export function maintenanceSection(ctx: RenderContext): SafeHtml {
  const { tr, view } = ctx
  const active = view.maintenances.filter((m) => isMaintenanceActive(m.status)).sort(byStart)
  const upcoming = view.maintenances.filter((m) => m.status === 'scheduled').sort(byStart)
  const activeTitleId = 'maintenance-active-title'
  const upcomingTitleId = 'maintenance-upcoming-title'
  return html`<div id="maintenances" data-live>
${
  active.length
    ? html`<section class="block" aria-labelledby="${activeTitleId}"><h2 id="${
        activeTitleId
      }">${tr.t('maintenanceActive')}</h2>${active.map((m) => maintenanceArticle(ctx, m))}</section>`
    : ''
}
${
  upcoming.length
    ? html`<section class="block" aria-labelledby="${upcomingTitleId}"><h2 id="${
        upcomingTitleId
      }">${tr.t('maintenanceUpcoming')}</h2>${upcoming.map((m) => maintenanceArticle(ctx, m))}</section>`
    : ''
}
</div>`
}

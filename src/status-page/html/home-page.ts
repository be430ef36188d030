import { byStartedNewest, isIncidentOpen } from '../view-model.js'
import { componentsSection } from './components.js'
import { renderContext, type RenderContext } from './context.js'
import { incidentArticle } from './incidents.js'
import { indicatorIcon } from './icons.js'
import { documentHtml } from './layout.js'
import type { RenderMode } from './links.js'
import { maintenanceSection } from './maintenances.js'
import { html, translateHtml, type SafeHtml } from './safe-html.js'
import { timeTag } from './time.js'

export function banner(ctx: RenderContext): SafeHtml {
  const { indicator } = ctx.view
  return html`<div id="status-banner" data-live><div class="banner ind-${indicator}" role="status">${indicatorIcon(
    indicator,
  )}<p>${ctx.tr.t(`indicator.${indicator}`)}</p></div></div>`
}

function activeIncidents(ctx: RenderContext): SafeHtml {
  const open = ctx.view.incidents.filter(isIncidentOpen).sort(byStartedNewest)
  return html`<div id="active-incidents" data-live>${
    open.length
      ? html`<section class="block" aria-labelledby="active-title"><h2 id="active-title">${ctx.tr.t(
          'activeIncidents',
        )}</h2>${open.map((i) => incidentArticle(ctx, i))}</section>`
      : ''
  }</div>`
}

/** "/": banner, what is wrong now, maintenance, components with uptime, and when it was last updated. */
export function renderHomePage(ctx: RenderContext): string {
  const { view, tr, links } = ctx
  const title = tr.t('pageTitle', { name: view.page.name })
  return documentHtml(
    ctx,
    title,
    html`<h1 class="visually-hidden">${title}</h1>
${banner(ctx)}
${activeIncidents(ctx)}
${maintenanceSection(ctx)}
${componentsSection(ctx)}
<p id="last-updated" class="last-updated" data-live>${translateHtml(tr.t, 'lastUpdated', {
      time: timeTag(tr, view.generatedAt),
    })}</p>
<p class="more"><a href="${links.history()}">${tr.t('viewHistory')}</a></p>`,
  )
}

export function homePageHtml(view: Parameters<typeof renderContext>[0], mode: RenderMode): string {
  return renderHomePage(renderContext(view, mode, '/'))
}

import { newestFirst, type IncidentView, type MaintenanceView } from '../view-model.js'
import type { RenderContext } from './context.js'
import { affectedComponents, incidentFacts, incidentUpdate } from './incidents.js'
import { documentHtml } from './layout.js'
import { maintenanceUpdates, maintenanceWindow } from './maintenances.js'
import { html, translateHtml, trustedHtml, type SafeHtml } from './safe-html.js'
import { timeTag } from './time.js'

function incidentMain(ctx: RenderContext, incident: IncidentView): SafeHtml {
  const { tr } = ctx
  const done = incident.status === 'resolved' || incident.status === 'postmortem'
  return html`<article class="incident impact-${incident.impact}" id="incident-${
    incident.id
  }" aria-labelledby="incident-title">
<h1 id="incident-title">${incident.name}</h1>
<p class="incident-meta"><span class="pill impact-${incident.impact}">${tr.t(
    `impact.${incident.impact}`,
  )}</span> <span class="pill">${tr.t(`incidentStatus.${incident.status}`)}</span></p>
${done ? html`<p class="notice">${tr.t('resolvedNotice')}</p>` : ''}
<p class="when">${translateHtml(tr.t, 'startedAt', { time: timeTag(tr, incident.startedAt) })}${
    incident.resolvedAt ? html` · ${translateHtml(tr.t, 'resolvedAt', { time: timeTag(tr, incident.resolvedAt) })}` : ''
  }</p>
${affectedComponents(ctx, incident.componentIds)}
${incidentFacts(ctx, incident)}
${postmortemSection(ctx, incident)}
<h2>${tr.t('updates')}</h2>
<ol class="updates">${newestFirst(incident.updates).map((u) => incidentUpdate(ctx, u))}</ol>
</article>`
}

/** The published public postmortem, above the updates: what a reader who comes back later wants first. */
function postmortemSection(ctx: RenderContext, incident: IncidentView): SafeHtml | '' {
  const { tr } = ctx
  const postmortem = incident.postmortem
  if (!postmortem) return ''
  return html`<section class="postmortem" id="postmortem" aria-labelledby="postmortem-title">
<h2 id="postmortem-title">${tr.t('incidentStatus.postmortem')}</h2>
<p class="when">${translateHtml(tr.t, 'postmortemPublished', { time: timeTag(tr, postmortem.publishedAt) })}</p>
${postmortem.sections.map(
  (s) => html`<h3>${tr.t(`postmortemSection.${s.key}`)}</h3>
<div class="postmortem-body">${trustedHtml(s.html)}</div>`,
)}
</section>`
}

function maintenanceMain(ctx: RenderContext, m: MaintenanceView): SafeHtml {
  const { tr } = ctx
  return html`<article class="incident impact-maintenance" id="maintenance-${m.id}" aria-labelledby="incident-title">
<h1 id="incident-title">${m.name}</h1>
<p class="incident-meta"><span class="pill impact-maintenance">${tr.t(
    'impact.maintenance',
  )}</span> <span class="pill">${tr.t(`maintenanceStatus.${m.status}`)}</span></p>
${m.status === 'completed' ? html`<p class="notice">${tr.t('completedNotice')}</p>` : ''}
${maintenanceWindow(ctx, m)}
${affectedComponents(ctx, m.componentIds)}
<h2>${tr.t('updates')}</h2>
${maintenanceUpdates(ctx, m)}
</article>`
}

/** /incidents/:id, for incidents and maintenances alike (Statuspage shortlinks point there for both). */
export function renderIncidentPage(
  ctx: RenderContext,
  item: { incident: IncidentView } | { maintenance: MaintenanceView },
): string {
  const main = 'incident' in item ? incidentMain(ctx, item.incident) : maintenanceMain(ctx, item.maintenance)
  const name = 'incident' in item ? item.incident.name : item.maintenance.name
  return documentHtml(
    ctx,
    `${name} · ${ctx.view.page.name}`,
    html`<p class="back"><a href="${ctx.links.home}">${ctx.tr.t('backToStatus')}</a></p>
<div id="incident-detail" data-live>${main}</div>`,
  )
}

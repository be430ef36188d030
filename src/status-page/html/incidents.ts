import { newestFirst, type IncidentUpdateView, type IncidentView } from '../view-model.js'
import { componentNames, type RenderContext } from './context.js'
import { html, trustedHtml, type SafeHtml } from './safe-html.js'
import { timeTag } from './time.js'
import { formatInterval } from '../../domain/template/format-facts.js'

export function incidentUpdate(ctx: RenderContext, update: IncidentUpdateView): SafeHtml {
  const { tr } = ctx
  return html`<li class="update">
<p class="update-head"><strong class="update-status">${tr.t(
    `incidentStatus.${update.status}`,
  )}</strong> ${timeTag(tr, update.displayAt)}</p>
<div class="update-body">${trustedHtml(update.bodyHtml)}</div>
${
  update.technicalHtml
    ? html`<details class="tech" id="tech-${update.id}"><summary>${tr.t(
        'detailsForIt',
      )}</summary><div class="tech-body">${trustedHtml(update.technicalHtml)}</div></details>`
    : ''
}
</li>`
}

/** Who is affected, for how long, what to do meanwhile and where to get help: the same on every channel. */
export function incidentFacts(ctx: RenderContext, incident: IncidentView): SafeHtml | '' {
  const { tr } = ctx
  const f = incident.facts
  const rows: [string, string][] = []
  if (f.whoIsAffected) rows.push([tr.t('factWho'), f.whoIsAffected])
  if (f.expectedDuration) rows.push([tr.t('factDuration'), f.expectedDuration])
  if (f.workaround) rows.push([tr.t('factWorkaround'), f.workaround])
  if (f.provider) rows.push([tr.t('factProvider'), f.provider])
  if (f.contact) {
    const within = f.responseTimeMinutes ? formatInterval(f.responseTimeMinutes, tr.locale) : null
    rows.push([tr.t('factContact'), within ? tr.t('factContactWithin', { contact: f.contact, within }) : f.contact])
  }
  if (rows.length === 0) return ''
  return html`<dl class="incident-facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`
}

export function affectedComponents(ctx: RenderContext, ids: readonly string[]): SafeHtml | '' {
  const names = componentNames(ctx, ids)
  if (names.length === 0) return ''
  return html`<p class="affected"><span class="label">${ctx.tr.t('affectedComponents')}:</span> ${names.join(', ')}</p>`
}

/** An incident with every update, newest first: the home page's active list and the incident page. */
export function incidentArticle(ctx: RenderContext, incident: IncidentView, headingLevel: 2 | 3 = 3): SafeHtml {
  const { tr, links } = ctx
  const titleId = `incident-${incident.id}-title`
  const title =
    headingLevel === 2
      ? html`<h2 id="${titleId}" class="incident-title">${incident.name}</h2>`
      : html`<h3 id="${titleId}" class="incident-title"><a href="${links.incident(
          incident.id,
        )}">${incident.name}</a></h3>`
  return html`<article class="incident impact-${
    incident.impact
  }" id="incident-${incident.id}" aria-labelledby="${titleId}">
${title}
<p class="incident-meta"><span class="pill impact-${incident.impact}">${tr.t(`impact.${incident.impact}`)}</span></p>
${affectedComponents(ctx, incident.componentIds)}
${incidentFacts(ctx, incident)}
<ol class="updates">${newestFirst(incident.updates).map((u) => incidentUpdate(ctx, u))}</ol>
</article>`
}

/** One line per incident in the history: title, latest word, when. */
export function incidentSummary(ctx: RenderContext, incident: IncidentView): SafeHtml {
  const { tr, links } = ctx
  const latest = newestFirst(incident.updates)[0]
  return html`<li class="history-item impact-${incident.impact}">
<h3 class="history-title"><a href="${links.incident(incident.id)}">${
    incident.name
  }</a> <span class="pill impact-${incident.impact}">${tr.t(`impact.${incident.impact}`)}</span></h3>
${
  latest
    ? html`<div class="history-latest"><strong>${tr.t(
        `incidentStatus.${latest.status}`,
      )}</strong> – ${latest.bodyText}</div>`
    : ''
}
<p class="history-when">${timeTag(tr, incident.startedAt)}${
    incident.resolvedAt ? html` – ${timeTag(tr, incident.resolvedAt)}` : ''
  }${
    incident.postmortem
      ? html` · <a href="${links.incident(incident.id)}#postmortem">${tr.t('readPostmortem')}</a>`
      : ''
  }</p>
</li>`
}

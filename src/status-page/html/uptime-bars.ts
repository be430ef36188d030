import type { Uptime, UptimeDay } from '../../domain/component/uptime.js'
import type { RenderContext } from './context.js'
import { html, type SafeHtml } from './safe-html.js'

function affectedMinutes(day: UptimeDay): number {
  return Math.round((day.majorOutageMs + day.partialOutageMs + day.degradedMs) / 60_000)
}

function dayLabel(ctx: RenderContext, day: UptimeDay): string {
  const { tr } = ctx
  const date = tr.day(day.date)
  if (!day.worst) return `${date}: ${tr.t('noData')}`
  const minutes = affectedMinutes(day)
  const status = tr.t(`componentStatus.${day.worst}`)
  return minutes > 0 ? `${date}: ${status}, ${tr.t('minutes', { count: minutes })}` : `${date}: ${status}`
}

/**
 * 90 bars for sighted readers (colour plus a stripe pattern on bad days, a tooltip per day),
 * and the same facts as text for screen readers: the percentage and the days with issues.
 */
export function uptimeBars(ctx: RenderContext, uptime: Uptime, componentName: string): SafeHtml {
  const { tr } = ctx
  const percent = uptime.percent === null ? tr.t('noData') : tr.percent(uptime.percent)
  const issues = uptime.days.filter((d) => d.worst && d.worst !== 'operational')
  return html`<div class="uptime">
<ol class="bars" aria-hidden="true">${uptime.days.map(
    (d) => html`<li class="bar d-${d.worst ?? 'none'}" title="${dayLabel(ctx, d)}"></li>`,
  )}</ol>
<p class="uptime-legend" aria-hidden="true"><span>${tr.t('uptimeLegendStart')}</span><span>${
    uptime.percent === null ? tr.t('noData') : tr.t('uptime', { percent })
  }</span><span>${tr.t('uptimeLegendEnd')}</span></p>
<div class="visually-hidden"><p>${componentName}: ${tr.t('uptimeSummary', { percent })}.</p>${
    issues.length
      ? html`<p>${tr.t('daysWithIssues')}:</p><ul>${issues.map((d) => html`<li>${dayLabel(ctx, d)}</li>`)}</ul>`
      : html`<p>${tr.t('noIssues')}</p>`
  }</div>
</div>`
}

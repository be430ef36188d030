import type { ComponentStatus } from '../../domain/component/component-status.js'
import type { Indicator } from '../../domain/component/page-indicator.js'
import { html, type SafeHtml, trustedHtml } from './safe-html.js'

/** One inline sprite per page; every status icon sits beside its text, so colour is never the only signal. */
export const iconSprite = trustedHtml(
  `<svg xmlns="http://www.w3.org/2000/svg" ` +
    `class="sprite" width="0" height="0" aria-hidden="true" focusable="false">
<symbol id="i-ok" viewBox="0 0 16 16"><circle cx="8" cy="8" r="8" ` +
    `fill="currentColor"/><path d="M4.6 8.3l2.2 2.2 4.6-4.7" fill="none" stroke="#fff" ` +
    `stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></symbol>
<symbol id="i-degraded" viewBox="0 0 16 16"><path d="M8 .8l7.6 13.7H.4z" ` +
    `fill="currentColor"/><path d="M8 5.6v4.2" stroke="#fff" stroke-width="1.8" ` +
    `stroke-linecap="round"/><circle cx="8" cy="12.2" r="1" fill="#fff"/></symbol>
<symbol id="i-partial" viewBox="0 0 16 16"><circle cx="8" cy="8" r="8" fill="currentColor"/>` +
    `<path d="M4.5 8h7" stroke="#fff" stroke-width="2" stroke-linecap="round"/></symbol>
<symbol id="i-major" viewBox="0 0 16 16"><circle cx="8" cy="8" r="8" fill="currentColor"/><path ` +
    `d="M5.4 5.4l5.2 5.2m0-5.2l-5.2 5.2" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></symbol>
<symbol id="i-maintenance" viewBox="0 0 16 16"><circle cx="8" cy="8" r="8" ` +
    `fill="currentColor"/><path d="M8 4.2V8l2.6 1.8" fill="none" stroke="#fff" ` +
    `stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></symbol>
</svg>`,
)

const iconForStatus: Record<ComponentStatus, string> = {
  operational: 'ok',
  degraded_performance: 'degraded',
  partial_outage: 'partial',
  major_outage: 'major',
  under_maintenance: 'maintenance',
}

const iconForIndicator: Record<Indicator, string> = {
  none: 'ok',
  maintenance: 'maintenance',
  minor: 'degraded',
  major: 'partial',
  critical: 'major',
}

function icon(name: string): SafeHtml {
  return html`<svg class="icon" aria-hidden="true" focusable="false" width="16" height="16"><use href="#i-${
    name
  }"/></svg>`
}

export const statusIcon = (status: ComponentStatus) => icon(iconForStatus[status])
export const indicatorIcon = (indicator: Indicator) => icon(iconForIndicator[indicator])

import type { Indicator } from '../domain/component/page-indicator.js'
import { translator } from './i18n/translator.js'
import { escapeHtml } from '../text/escape-html.js'
import type { StatusPageView } from './view-model.js'

export const indicatorColours: Record<Indicator, string> = {
  none: '#1a7f37',
  maintenance: '#0969da',
  minor: '#9a6700',
  major: '#bc4c00',
  critical: '#cf222e',
}

/** Rough advance widths of 11px Verdana; wide (CJK) characters take a full em. */
function textWidth(text: string): number {
  let width = 0
  for (const ch of text)
    width += /[\u1100-\uffdc]/.test(ch) ? 11 : /[ilI.,:;'|!]/.test(ch) ? 3.5 : /[mwMW]/.test(ch) ? 9.5 : 6.8
  return Math.ceil(width)
}

/** /badge.svg: a flat two-part badge ("status | All systems operational") with a text alternative. */
export function renderBadge(view: StatusPageView): string {
  const tr = translator(view.page.locale, view.page.timeZone)
  const label = tr.t('badgeLabel')
  const message = tr.t(`indicator.${view.indicator}`)
  const lw = textWidth(label) + 12
  const mw = textWidth(message) + 12
  const w = lw + mw
  const a11y = escapeHtml(`${label}: ${message}`)
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${a11y}">
<title>${a11y}</title>
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="` +
    `${lw}" width="${mw}" height="20" fill="${indicatorColours[view.indicator]}"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="14" textLength="${lw - 12}">${escapeHtml(label)}</text>
<text x="${lw + mw / 2}" y="14" textLength="${mw - 12}">${escapeHtml(message)}</text>
</g>
</svg>
`
  )
}

/** /assets/favicon.svg: a dot in the indicator's colour, so a browser tab shows the state at a glance. */
export function renderFavicon(view: StatusPageView): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle ` +
    `cx="8" cy="8" r="7" fill="${indicatorColours[view.indicator]}"/></svg>\n`
  )
}

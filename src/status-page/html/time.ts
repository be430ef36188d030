import type { Translator } from '../i18n/translator.js'
import { html, type SafeHtml } from './safe-html.js'

/**
 * Absolute text in the page's time zone that works without JavaScript; the page script rewrites it to the
 * reader's zone and adds "5 minutes ago".
 */
export function timeTag(tr: Translator, at: Date): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${tr.dateTime(at)}</time>`
}

export function dateTag(tr: Translator, at: Date): SafeHtml {
  return html`<time datetime="${tr.isoDate(at)}" data-date>${tr.date(at)}</time>`
}

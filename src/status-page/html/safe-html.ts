import { escapeHtml } from '../../text/escape-html.js'

/** Markup that is already safe to emit; everything else passes through `escapeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[]

function emit(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(emit).join('')
  return escapeHtml(String(value))
}

/** Tagged template: interpolated strings are escaped, SafeHtml and arrays of it are kept. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += emit(values[i] as HtmlValue) + strings[i + 1]!
  return new SafeHtml(out)
}

/** For HTML that was sanitised upstream (incident bodies). Never for user text. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * Translates with some variables that are markup (e.g. a <time> element): the message is
 * escaped as text and the markup is put back where its placeholder was.
 */
export function translateHtml(
  t: (key: string, vars?: Record<string, string | number>) => string,
  key: string,
  vars: Record<string, HtmlValue>,
): SafeHtml {
  const slots: string[] = []
  const placeholders: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value === 'number') placeholders[name] = value
    else {
      placeholders[name] = `\u0001${slots.length}\u0002`
      slots.push(emit(value))
    }
  }
  const text = escapeHtml(t(key, placeholders))
  return new SafeHtml(text.replace(/\u0001(\d+)\u0002/g, (_, i: string) => slots[Number(i)] ?? ''))
}

/** Only http(s), mailto and page-relative addresses survive; `javascript:` and friends give null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null
  const trimmed = url.trim()
  if (/^(https?:\/\/|mailto:)/i.test(trimmed)) return trimmed
  if (/^(\/(?!\/)|\.\.?\/|#)/.test(trimmed)) return trimmed
  return null
}

export function safeColor(color: string | null | undefined): string | null {
  return color && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : null
}

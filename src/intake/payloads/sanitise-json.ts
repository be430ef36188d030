import type { IntakeProblem } from './intake-result.js'

export const MAX_JSON_DEPTH = 32

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

// PostgreSQL refuses NUL characters and lone surrogates in text and jsonb; a monitoring
// tool's stray byte must not turn into a 500, so both become U+FFFD.
export function cleanString(s: string): string {
  return s.includes('\u0000') || /[\ud800-\udfff]/.test(s) ? s.replaceAll('\u0000', '\ufffd').replace(loneSurrogate, '\ufffd') : s
}

/**
 * A copy of parsed JSON that the database will take: strings cleaned, nesting bounded
 * (deeper payloads would also blow the stack when serialised again).
 */
export function sanitiseJson(value: unknown, maxDepth = MAX_JSON_DEPTH): { ok: true; value: unknown } | { ok: false; problems: IntakeProblem[] } {
  let tooDeep = false
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return cleanString(v)
    if (v === null || typeof v !== 'object') return v
    if (depth >= maxDepth) {
      tooDeep = true
      return null
    }
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1))
    const out: Record<string, unknown> = {}
    for (const [k, item] of Object.entries(v)) {
      Object.defineProperty(out, cleanString(k), { value: walk(item, depth + 1), enumerable: true, writable: true, configurable: true })
      if (tooDeep) break
    }
    return out
  }
  const cleaned = walk(value, 0)
  return tooDeep ? { ok: false, problems: [{ path: '', message: `the JSON is nested deeper than ${maxDepth} levels` }] } : { ok: true, value: cleaned }
}

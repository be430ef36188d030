import type { IntakeProblem } from './intake-result.js'

export const MAX_JSON_DEPTH = 32

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const suspect = /[\u0000\ud800-\udfff]/

// PostgreSQL refuses NUL characters and lone surrogates in text and jsonb; a monitoring
// tool's stray byte must not turn into a 500, so both become U+FFFD.
export function cleanString(s: string): string {
  return suspect.test(s) ? s.replaceAll('\u0000', '\ufffd').replace(loneSurrogate, '\ufffd') : s
}

const tooDeep = Symbol('too deep')

/**
 * Parsed JSON as the database will take it: strings cleaned, nesting bounded (deeper payloads
 * would also blow the stack when serialised again). Every alert passes through here, so only
 * what needs cleaning is copied; clean input comes back as it was.
 */
export function sanitiseJson(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): { ok: true; value: unknown } | { ok: false; problems: IntakeProblem[] } {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return cleanString(v)
    if (v === null || typeof v !== 'object') return v
    if (depth >= maxDepth) return tooDeep
    if (Array.isArray(v)) {
      let copy: unknown[] | null = null
      for (let i = 0; i < v.length; i++) {
        const item = walk(v[i], depth + 1)
        if (item === tooDeep) return tooDeep
        if (item !== v[i]) (copy ??= v.slice())[i] = item
      }
      return copy ?? v
    }
    let copy: Record<string, unknown> | null = null
    const source = v as Record<string, unknown>
    for (const key of Object.keys(source)) {
      const item = walk(source[key], depth + 1)
      if (item === tooDeep) return tooDeep
      const cleanKey = cleanString(key)
      if (item === source[key] && cleanKey === key && copy === null) continue
      copy ??= copyUpTo(source, key)
      setOwn(copy, cleanKey, item)
    }
    return copy ?? v
  }
  const cleaned = walk(value, 0)
  return cleaned === tooDeep
    ? { ok: false, problems: [{ path: '', message: `the JSON is nested deeper than ${maxDepth} levels` }] }
    : { ok: true, value: cleaned }
}

/** A copy of the object's properties that come before `stop`, in their order. */
function copyUpTo(source: Record<string, unknown>, stop: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(source)) {
    if (key === stop) break
    setOwn(copy, key, source[key])
  }
  return copy
}

/** Defined rather than assigned: a key such as "__proto__" stays a plain property. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

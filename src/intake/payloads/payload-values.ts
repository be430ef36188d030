import { createHash } from 'node:crypto'
import { MAX_DEDUP_KEY_LENGTH, truncateText } from '../../domain/alert/alert-event.js'

export const MAX_LABELS = 100
export const MAX_LABEL_VALUE_LENGTH = 1024

const isoLike = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A tool's timestamp, or `receivedAt` when it is missing, unreadable, Go's zero time
 * ("0001-01-01T00:00:00Z", Alertmanager's "not set") or absurd (before 2000, over a day ahead).
 */
export function toolTimestamp(value: unknown, receivedAt: Date): Date {
  if (typeof value !== 'string' || !isoLike.test(value.trim())) return receivedAt
  const ms = Date.parse(value.trim())
  if (Number.isNaN(ms) || ms < Date.UTC(2000, 0, 1) || ms > receivedAt.getTime() + DAY_MS) return receivedAt
  return new Date(ms)
}

export function isZeroTime(value: unknown): boolean {
  return typeof value !== 'string' || value.startsWith('0001-01-01')
}

/** Label values must be strings for matching; long ones are cut so rules stay fast. */
export function labelsFrom(...sources: (Readonly<Record<string, unknown>> | undefined)[]): Record<string, string> {
  const labels = new Map<string, string>()
  for (const source of sources) {
    for (const [key, value] of Object.entries(source ?? {})) {
      if (labels.size >= MAX_LABELS && !labels.has(key)) break
      if (value === undefined || value === null || typeof value === 'object') continue
      labels.set(key, truncateText(String(value), MAX_LABEL_VALUE_LENGTH))
    }
  }
  // fromEntries defines own properties, so a label named "__proto__" stays a label.
  return Object.fromEntries(labels)
}

/** A stable key from the parts that identify an alert, for payloads that carry none. */
export function derivedDedupKey(prefix: string, parts: unknown): string {
  return `${prefix}:${createHash('sha256').update(stableJson(parts)).digest('hex').slice(0, 32)}`
}

/** A tool's own key, kept readable when it fits and hashed when it is too long. */
export function fittedDedupKey(key: string): string {
  return key.length <= MAX_DEDUP_KEY_LENGTH ? key : derivedDedupKey('long', key)
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

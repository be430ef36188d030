import { z } from 'zod'
import { MAX_SUMMARY_LENGTH, truncateText, type AlertEvent } from '../../domain/alert/alert-event.js'
import { alertSeverities } from '../../domain/alert/alert-severity.js'
import { isRiskyPattern } from '../../domain/alert/routing-rule.js'
import { fittedDedupKey } from './payload-values.js'

/** A received mail, already parsed (see src/intake/email/smtp-intake.ts). */
export interface InboundEmail {
  subject: string
  text: string
  from: string
  to: readonly string[]
  messageId?: string
  date?: Date
  /** Header names lower-cased. */
  headers: ReadonlyMap<string, string>
}

/**
 * Per-integration settings. `dedup` "subject": mails whose subjects differ only in numbers,
 * case, spacing or Re:/Fwd: are one alert; "header": a header the sender sets (falls back
 * to the subject when a mail lacks it).
 */
export const emailIntakeSettings = z.strictObject({
  dedup: z
    .discriminatedUnion('by', [
      z.strictObject({ by: z.literal('subject') }),
      z.strictObject({ by: z.literal('header'), header: z.string().regex(/^[A-Za-z0-9-]{1,100}$/) }),
    ])
    .default({ by: 'subject' }),
  /** A subject matching this (case-insensitive, at the start) resolves the alert. */
  resolveSubjectPattern: z
    .string()
    .max(200)
    .refine((p) => !isRiskyPattern(p) && compiles(p), {
      error: 'must be a valid regular expression without repeated groups holding a quantifier or |',
    })
    .default('[*\\s]*(\\[(resolved|recovery|recovered|ok)\\]|(resolved|recovery|recovered|ok)\\b)[\\s:*-]*'),
  severity: z.enum(alertSeverities).default('error'),
})
export type EmailIntakeSettings = z.infer<typeof emailIntakeSettings>
export const defaultEmailIntakeSettings: EmailIntakeSettings = emailIntakeSettings.parse({})

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i')
    return true
  } catch {
    return false
  }
}

const MAX_BODY_CHARS = 64 * 1024
const replyPrefix = /^\s*((re|fwd?|aw|wg|sv|tr)\s*(\[\d+\])?\s*:\s*)+/i

/** Subject → the words that identify the alert: no Re:/Fwd:, no resolve marker, numbers as "#". */
export function normaliseSubject(
  subject: string,
  resolvePattern: RegExp,
): { text: string; isResolve: boolean; key: string } {
  const text = subject.replace(replyPrefix, '').trim()
  const marker = resolvePattern.exec(text)
  const isResolve = marker !== null && marker.index === 0 && marker[0].length > 0
  const rest = isResolve ? text.slice(marker[0].length) : text
  const key = rest
    .toLowerCase()
    .replace(/\d+([.,:]\d+)*/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
  return { text: rest.trim() || text, isResolve, key }
}

/** A mail to an integration's address becomes one alert event: subject → summary, body → details. */
export function normaliseEmail(mail: InboundEmail, settings: EmailIntakeSettings, receivedAt: Date): AlertEvent {
  const subject = normaliseSubject(mail.subject, new RegExp(`^(?:${settings.resolveSubjectPattern})`, 'i'))
  const header =
    settings.dedup.by === 'header' ? mail.headers.get(settings.dedup.header.toLowerCase())?.trim() : undefined
  const dedupKey = header ? fittedDedupKey(header) : fittedDedupKey(`subject:${subject.key || '(no subject)'}`)
  return {
    kind: 'email',
    action: subject.isResolve ? 'resolve' : 'trigger',
    dedupKey,
    summary: subject.isResolve ? null : truncateText(subject.text || '(no subject)', MAX_SUMMARY_LENGTH),
    severity: subject.isResolve ? null : settings.severity,
    source: mail.from,
    labels: {},
    details: {
      body: truncateText(mail.text, MAX_BODY_CHARS),
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      messageId: mail.messageId,
    },
    links: [],
    occurredAt: mail.date && !Number.isNaN(mail.date.getTime()) && mail.date <= receivedAt ? mail.date : receivedAt,
  }
}

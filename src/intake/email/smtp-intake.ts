import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'
import type { AlertEvent } from '../../domain/alert/alert-event.js'
import { normaliseEmail, type EmailIntakeSettings, type InboundEmail } from '../payloads/email.js'
import { cleanString } from '../payloads/sanitise-json.js'

/** What is kept of a mail as the alert's raw payload. */
export interface EmailRecord {
  from: string
  to: string[]
  subject: string
  messageId?: string
  date?: string
  text: string
  headers: Record<string, string>
}

export interface EmailAlert {
  integrationKey: string
  event: AlertEvent
  raw: EmailRecord
}

export interface SmtpIntakeOptions {
  port: number
  host?: string
  /** Larger mails are refused with 552. Default 1 MiB. */
  maxMessageBytes?: number
  /** The integration an address's local part names, or null (the recipient is refused with 550). */
  findIntegration(key: string): Promise<{ settings: EmailIntakeSettings } | null>
  /** Stores the alert; if it throws, the sender gets 451 and retries later. */
  deliver(alert: EmailAlert): Promise<void>
  now?: () => Date
  onError?: (error: Error) => void
}

export interface SmtpIntake {
  port: number
  close(): Promise<void>
}

const DEFAULT_MAX_BYTES = 1024 * 1024
const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code })

/** The integration key is the local part of `<key>@<anything>`; keys are lower-case. */
export function integrationKeyOf(address: string): string | undefined {
  const at = address.lastIndexOf('@')
  const local = (at === -1 ? address : address.slice(0, at)).trim().toLowerCase()
  return /^[a-z0-9_-]{8,128}$/.test(local) ? local : undefined
}

/** Listens for mail to integration addresses; each accepted recipient gets one alert event. */
export async function startSmtpIntake(options: SmtpIntakeOptions): Promise<SmtpIntake> {
  const now = options.now ?? (() => new Date())
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_BYTES
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    banner: 'Candor alert intake',
    logger: false,
    // Shutdown gives a mail in progress 2 s, not the default 30 s an idle client could hold it for.
    closeTimeout: 2_000,
    onRcptTo(address, _session, callback) {
      const key = integrationKeyOf(address.address)
      if (!key) return callback(smtpError(550, 'No such integration address'))
      options.findIntegration(key).then(
        (found) => callback(found ? null : smtpError(550, 'No such integration address')),
        () => callback(smtpError(451, 'Temporary failure, try again later')),
      )
    },
    onData(stream, session, callback) {
      receive(stream, session, options, now).then(
        () => callback(null),
        (error: Error) => callback(error),
      )
    },
  })
  server.on('error', (error) => options.onError?.(error))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.server.address()
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Keeps at most `maxBytes` in memory; the rest of an oversized mail is read and thrown away. */
async function readBounded(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    if (size <= maxBytes) chunks.push(chunk as Buffer)
  }
  return size > maxBytes || stream.sizeExceeded ? undefined : Buffer.concat(chunks)
}

async function receive(
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  options: SmtpIntakeOptions,
  now: () => Date,
) {
  const message = await readBounded(stream, options.maxMessageBytes ?? DEFAULT_MAX_BYTES)
  if (!message) throw smtpError(552, 'Message exceeds the size limit')
  const parsed = await simpleParser(message)
  const mail = toInboundEmail(parsed)
  const receivedAt = now()
  const keys = new Set(
    session.envelope.rcptTo.map((r) => integrationKeyOf(r.address)).filter((k): k is string => k !== undefined),
  )
  try {
    for (const key of keys) {
      const found = await options.findIntegration(key)
      if (!found) continue
      await options.deliver({
        integrationKey: key,
        event: normaliseEmail(mail, found.settings, receivedAt),
        raw: toRecord(mail),
      })
    }
  } catch (error) {
    options.onError?.(error as Error)
    throw smtpError(451, 'Temporary failure, try again later')
  }
}

function toInboundEmail(parsed: ParsedMail): InboundEmail {
  const headers = new Map<string, string>()
  // Mail may carry NUL characters the database refuses; they become U+FFFD like in JSON intake.
  for (const { key, line } of parsed.headerLines) {
    if (!headers.has(key)) headers.set(cleanString(key), cleanString(line.slice(line.indexOf(':') + 1).trim()))
  }
  const addresses = (value: ParsedMail['to']) =>
    (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) =>
      a.value.map((v) => cleanString(v.address ?? '')),
    )
  return {
    subject: cleanString(parsed.subject ?? ''),
    text: cleanString(parsed.text ?? ''),
    from: cleanString(parsed.from?.value[0]?.address ?? ''),
    to: addresses(parsed.to),
    ...(parsed.messageId ? { messageId: cleanString(parsed.messageId) } : {}),
    ...(parsed.date ? { date: parsed.date } : {}),
    headers,
  }
}

function toRecord(mail: InboundEmail): EmailRecord {
  return {
    from: mail.from,
    to: [...mail.to],
    subject: mail.subject,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.date ? { date: mail.date.toISOString() } : {}),
    text: mail.text.slice(0, 64 * 1024),
    headers: Object.fromEntries(mail.headers),
  }
}

import nodemailer from 'nodemailer'
import addressparser from 'nodemailer/lib/addressparser'
import { classifySmtpReply, enhancedStatusOf } from '../../domain/delivery/delivery-failure.js'
import { messageIdFor } from '../../domain/delivery/idempotency-key.js'
import type { DeliveryChannel, OutboundMessage, SendResult } from './channel.js'
import { buildMime, isAsciiAddress, remembered } from './mime-message.js'
import { assertOutsideTransaction } from '../../store/transaction-scope.js'
import { createSmtpPool } from './smtp-pool.js'
import { idempotencyHeader } from './webhook-signature.js'

/**
 * Email through one pooled SMTP relay (SMTP_URL). The Message-ID and the idempotency
 * header come from the delivery's key, so a resend after a crash is the same message to
 * every mail system that de-duplicates on Message-ID.
 */
export interface EmailChannelOptions {
  /** smtp://user:pass@host:port or smtps://…; `?pool=…` and other nodemailer URL options are honoured. */
  smtpUrl: string
  /** Default From, e.g. `"Acme Status" <status@acme.example>`. */
  from: string
  /** Right-hand side of Message-IDs, usually the status page's host. */
  messageIdDomain: string
  maxConnections?: number
  /** Messages per connection before it is recycled. */
  maxMessages?: number
  connectionTimeoutMs?: number
  socketTimeoutMs?: number
  /** Plain local relays (tests, a sidecar MTA) offer no TLS; `?ignoreTLS=true` on the URL does the same. */
  ignoreTls?: boolean
}

interface SmtpError extends Error {
  code?: string
  responseCode?: number
  response?: string
}

export function createEmailChannel(options: EmailChannelOptions): DeliveryChannel {
  const pool = createSmtpPool({
    url: options.smtpUrl,
    maxConnections: options.maxConnections ?? 8,
    maxMessages: options.maxMessages ?? 1_000,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 10_000,
    socketTimeoutMs: options.socketTimeoutMs ?? 30_000,
  })
  // Nodemailer's full pipeline, only for the rare address that needs SMTPUTF8.
  let composer: ReturnType<typeof nodemailer.createTransport> | undefined
  const fullTransport = () =>
    (composer ??= nodemailer.createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: 2,
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
      socketTimeout: options.socketTimeoutMs ?? 30_000,
      ...(options.ignoreTls ? { ignoreTLS: true } : {}),
    }))

  return {
    kind: 'email',
    probe: () => pool.probe(),
    async send(message, sendOptions): Promise<SendResult> {
      assertOutsideTransaction('an SMTP send')
      const headers: Record<string, string> = {
        [idempotencyHeader]: message.idempotencyKey,
        'Auto-Submitted': 'auto-generated',
      }
      if (message.unsubscribeUrl) {
        // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the URL.
        headers['List-Unsubscribe'] = `<${message.unsubscribeUrl}>`
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
      }
      if (message.locale) headers['Content-Language'] = message.locale
      try {
        const mail = mailFor(message, options, headers)
        const info =
          mail.kind === 'raw'
            ? await pool.send(mail.envelope, mail.raw, sendOptions?.signal)
            : await fullTransport().sendMail(mail.mail)
        return { ok: true, detail: String(info.response ?? 'accepted').slice(0, 200) }
      } catch (error) {
        return smtpFailure(error as SmtpError)
      }
    },
    async close() {
      pool.close()
      composer?.close()
    },
  }
}

/** Prebuilt bytes for the common case; nodemailer's composer for addresses that need SMTPUTF8. */
type Mail =
  | { kind: 'raw'; envelope: { from: string; to: string[] }; raw: Buffer }
  | { kind: 'composed'; mail: Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0] }

function mailFor(message: OutboundMessage, options: EmailChannelOptions, headers: Record<string, string>): Mail {
  const from = message.from ?? options.from
  const messageId = messageIdFor(message.idempotencyKey, options.messageIdDomain)
  if (isAsciiAddress(message.address)) {
    const envelopeFrom = addressOf(from)
    const raw = buildMime({
      from,
      to: message.address,
      subject: message.subject,
      text: message.text,
      ...(message.html !== undefined ? { html: message.html } : {}),
      messageId,
      date: message.writtenAt ?? new Date(),
      boundaryKey: message.idempotencyKey,
      headers,
    })
    return { kind: 'raw', envelope: { from: envelopeFrom, to: [message.address] }, raw }
  }
  const mail = {
    from,
    to: message.address,
    subject: message.subject,
    text: message.text,
    ...(message.html !== undefined ? { html: message.html } : {}),
    messageId,
    headers,
    ...(message.writtenAt ? { date: message.writtenAt } : {}),
  }
  return { kind: 'composed', mail }
}

const addressOf = remembered(64, (mailbox) => addressparser(mailbox, { flatten: true })[0]?.address ?? mailbox.trim())

// The relay itself is out of reach or turns every session away: no message can go until it is back.
const relayCodes = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EAUTH'])

function smtpFailure(error: SmtpError): SendResult {
  const reason = (error.response ?? `${error.code ?? 'SMTP'}: ${error.message}`).slice(0, 300)
  if ((error.code && relayCodes.has(error.code)) || error.responseCode === 421) {
    return { ok: false, kind: 'unavailable', reason }
  }
  const kind = classifySmtpReply(error.responseCode, enhancedStatusOf(error.response))
  return { ok: false, kind, reason }
}

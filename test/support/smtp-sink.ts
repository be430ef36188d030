import { SMTPServer, type SMTPServerAddress } from 'smtp-server'

/**
 * A real SMTP server on 127.0.0.1 for tests and the benchmark. It keeps only the header
 * block of each message (cheap enough for 100,000) unless `keepRaw` asks for the whole.
 */
export interface ReceivedMail {
  to: string[]
  from: string
  idempotencyKey: string | undefined
  headers: string
  raw?: string
}

export interface SmtpSinkOptions {
  keepRaw?: boolean
  /** Refuse a recipient with an SMTP reply, e.g. `{ code: 550, message: '5.1.1 no such user' }`. */
  rejectRecipient?: (address: string) => { code: number; message: string } | null
  onMessage?: (mail: ReceivedMail) => void
}

export interface SmtpSink {
  port: number
  url: string
  messages: ReceivedMail[]
  close(): Promise<void>
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1_000,
    // A stopped sink drops the clients' pooled connections at once instead of waiting 30 s for them to quit.
    closeTimeout: 50,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refusal = options.rejectRecipient?.(address.address)
      if (!refusal) return callback()
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const headerEnd = raw.indexOf('\r\n\r\n')
        const headers = headerEnd === -1 ? raw : raw.slice(0, headerEnd)
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((a) => a.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          idempotencyKey: headers.match(/^Candor-Idempotency-Key:\s*(\S+)/im)?.[1],
          headers,
          ...(options.keepRaw ? { raw } : {}),
        }
        messages.push(mail)
        options.onMessage?.(mail)
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  // A sender killed mid-message (the crash tests do that) resets its connection: not an error here.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error('smtp sink:', error)
  })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

import { Socket } from 'node:net'
import { parseConnectionUrl } from 'nodemailer/lib/shared'
import SMTPConnection from 'nodemailer/lib/smtp-connection'

/**
 * A pool of nodemailer SMTP connections that sends prebuilt messages. Nodemailer's own pool
 * runs every raw message through its composer and plugins (message ids, MIME nodes, random
 * bytes): ~40% of the CPU of a fan-out, measured here. The SMTP dialogue is still nodemailer's.
 */
export interface SmtpPoolOptions {
  url: string
  maxConnections: number
  /** Messages per connection before it is closed and replaced. */
  maxMessages: number
  connectionTimeoutMs: number
  socketTimeoutMs: number
}

export interface SmtpSendInfo {
  response: string
}

interface PooledConnection {
  smtp: SMTPConnection
  sent: number
  isBroken: boolean
}

type SmtpError = Error & { code?: string; responseCode?: number }

const transientCodes = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET'])

/**
 * Nodemailer writes a message's body and its closing dot separately, one send() each; on a
 * busy machine each of those syscalls to the relay costs more than building the message.
 * Writes made in one tick leave together (Node's cork-until-nextTick idiom). TLS sockets
 * write through their own handle, so a secure session is unaffected and merely uncoalesced.
 */
function coalescingSocket(): Socket {
  const socket = new Socket()
  let isCorked = false
  const flush = () => {
    isCorked = false
    socket.uncork()
  }
  // Socket#connect puts the prototype's write back, so the wrapper goes on once connected,
  // before nodemailer's own 'connect' listener writes anything.
  socket.once('connect', () => {
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean
    socket.write = ((...args: unknown[]) => {
      if (!isCorked) {
        isCorked = true
        socket.cork()
        process.nextTick(flush)
      }
      return write(...args)
    }) as Socket['write']
  })
  return socket
}

export function createSmtpPool(options: SmtpPoolOptions) {
  const parsed = parseConnectionUrl(options.url) as Record<string, unknown>
  const { auth: rawAuth, ...fromUrl } = parsed
  const auth = rawAuth as { user: string; pass: string } | undefined
  const connectionOptions = {
    ...fromUrl,
    connectionTimeout: options.connectionTimeoutMs,
    greetingTimeout: options.connectionTimeoutMs,
    socketTimeout: options.socketTimeoutMs,
  } as ConstructorParameters<typeof SMTPConnection>[0]
  const idle: PooledConnection[] = []
  /** Every open session, busy or idle, so closing the pool cuts the ones stuck mid-send too. */
  const live = new Set<PooledConnection>()
  const waiting: ((connection: PooledConnection | Error) => void)[] = []
  let open = 0
  let isClosed = false

  function connect(): Promise<PooledConnection> {
    return new Promise((resolve, reject) => {
      const isPlain = !(fromUrl as { secure?: boolean }).secure
      const smtp = new SMTPConnection({ ...connectionOptions, ...(isPlain ? { socket: coalescingSocket() } : {}) })
      const pooled: PooledConnection = { smtp, sent: 0, isBroken: false }
      live.add(pooled)
      smtp.once('end', () => live.delete(pooled))
      const broken = () => {
        pooled.isBroken = true
        const at = idle.indexOf(pooled)
        if (at !== -1) idle.splice(at, 1)
      }
      let isReady = false
      // Before the session is up, a failure is this connect's; afterwards it only retires the connection.
      smtp.on('error', (error) => {
        broken()
        if (!isReady) reject(error)
      })
      smtp.on('end', () => {
        broken()
        if (!isReady) reject(Object.assign(new Error('the SMTP server closed the connection'), { code: 'ECONNECTION' }))
      })
      smtp.connect((error) => {
        if (error) return reject(error)
        const ready = () => ((isReady = true), resolve(pooled))
        if (!auth) return ready()
        smtp.login(auth, (loginError) => (loginError ? reject(loginError) : ready()))
      })
    })
  }

  async function acquire(signal?: AbortSignal): Promise<PooledConnection> {
    if (isClosed) throw Object.assign(new Error('the SMTP pool is closed'), { code: 'ECONNECTION' })
    signal?.throwIfAborted()
    const ready = idle.pop()
    if (ready) return ready
    if (open < options.maxConnections) {
      open++
      try {
        return await connect()
      } catch (error) {
        open--
        throw error
      }
    }
    const next = await new Promise<PooledConnection | Error>((resolve) => {
      const waiter = (connection: PooledConnection | Error) => {
        signal?.removeEventListener('abort', giveUp)
        resolve(connection)
      }
      // A sender that gives up while waiting leaves the queue; a connection is never handed to nobody.
      const giveUp = () => {
        const at = waiting.indexOf(waiter)
        if (at !== -1) waiting.splice(at, 1)
        resolve(signal?.reason instanceof Error ? signal.reason : new Error('aborted'))
      }
      signal?.addEventListener('abort', giveUp, { once: true })
      waiting.push(waiter)
    })
    if (next instanceof Error) throw next
    return next
  }

  function release(connection: PooledConnection): void {
    if (connection.isBroken || connection.sent >= options.maxMessages || isClosed) {
      open--
      connection.smtp.close()
      // A slot freed up: let the next waiter open a fresh connection.
      const waiter = waiting.shift()
      if (waiter) acquire().then(waiter, (error: Error) => waiter(error))
      return
    }
    const waiter = waiting.shift()
    if (waiter) waiter(connection)
    else idle.push(connection)
  }

  function sendOn(
    connection: PooledConnection,
    envelope: { from: string; to: string[] },
    raw: Buffer,
    signal?: AbortSignal,
  ): Promise<SmtpSendInfo> {
    return new Promise((resolve, reject) => {
      let isSettled = false
      // A relay that accepted and then never answers: the connection is dropped, not waited on.
      const abandon = () => {
        if (isSettled) return
        isSettled = true
        connection.isBroken = true
        connection.smtp.close()
        release(connection)
        reject(Object.assign(new Error('the SMTP relay did not answer in time'), { code: 'ETIMEDOUT' }))
      }
      if (signal?.aborted) return abandon()
      signal?.addEventListener('abort', abandon, { once: true })
      connection.smtp.send(envelope, raw, (error, info) => {
        signal?.removeEventListener('abort', abandon)
        if (isSettled) return
        isSettled = true
        connection.sent++
        if (!error) {
          release(connection)
          return resolve({ response: String(info?.response ?? '') })
        }
        const smtpError = error as SmtpError
        // The server refused this message, not the session: reset and keep the connection.
        if ((smtpError.code === 'EENVELOPE' || smtpError.code === 'EMESSAGE') && smtpError.responseCode !== 421) {
          connection.smtp.reset((resetError) => {
            if (resetError) connection.isBroken = true
            release(connection)
          })
        } else {
          connection.isBroken = true
          release(connection)
        }
        reject(smtpError)
      })
    })
  }

  return {
    async send(envelope: { from: string; to: string[] }, raw: Buffer, signal?: AbortSignal): Promise<SmtpSendInfo> {
      const connection = await acquire(signal)
      const isReused = connection.sent > 0
      try {
        return await sendOn(connection, envelope, raw, signal)
      } catch (error) {
        // A kept-alive connection the server dropped meanwhile: try once more on a fresh one.
        if (isReused && !signal?.aborted && transientCodes.has((error as SmtpError).code ?? ''))
          return sendOn(await acquire(signal), envelope, raw, signal)
        throw error
      }
    },
    /** Opens a session and closes it again: does the relay answer now? */
    probe(): Promise<boolean> {
      return connect().then(
        (connection) => {
          live.delete(connection)
          connection.smtp.quit()
          return true
        },
        () => false,
      )
    },
    close() {
      isClosed = true
      for (const connection of idle.splice(0)) connection.smtp.close()
      for (const connection of live) connection.smtp.close()
      live.clear()
      for (const waiter of waiting.splice(0))
        waiter(Object.assign(new Error('the SMTP pool is closed'), { code: 'ECONNECTION' }))
    },
  }
}

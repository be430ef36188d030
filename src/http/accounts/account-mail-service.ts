import type { AppDeps } from '../../app/context.js'
import type { BackgroundService } from '../../features.js'
import { createEmailChannel } from '../../delivery/channels/email-channel.js'

const pollMs = 5_000
const leaseMs = 60_000
const maxAttempts = 8

/** Exponential backoff for account mail: 1, 2, 4 … minutes, at most 6 hours apart. */
export function nextAccountMailAttempt(attempts: number, now: Date): Date {
  return new Date(now.getTime() + Math.min(2 ** Math.max(0, attempts - 1) * 60_000, 6 * 3_600_000))
}

/**
 * Sends invitations and sign-in links from the account_emails rows through the delivery
 * module's SMTP channel. Rows are the queue, so a restart or a second node loses nothing.
 */
export function accountMailService(
  deps: AppDeps & { clock: () => Date },
  smtpUrl: string,
  mailFrom?: string,
): BackgroundService {
  const host = new URL(deps.baseUrl).hostname
  const channel = createEmailChannel({
    smtpUrl,
    from: `Candor <${mailFrom ?? `no-reply@${host}`}>`,
    messageIdDomain: host,
    ignoreTls: smtpUrl.startsWith('smtp://') && /localhost|127\.0\.0\.1/.test(smtpUrl),
  })
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const tick = async () => {
    const now = deps.clock()
    for (const mail of await deps.store.accounts.emails.claimDue(20, now, leaseMs)) {
      const result = await channel.send({
        idempotencyKey: `account-mail-${mail.id}`,
        address: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body ?? undefined,
        writtenAt: mail.created_at,
      })
      if (result.ok) await deps.store.accounts.emails.markSent(mail.id, deps.clock())
      else if (result.kind !== 'retry' || mail.attempts >= maxAttempts)
        await deps.store.accounts.emails.markFailed(mail.id, deps.clock(), result.reason)
      else
        await deps.store.accounts.emails.markRetry(
          mail.id,
          nextAccountMailAttempt(mail.attempts, deps.clock()),
          result.reason,
        )
    }
  }

  return {
    name: 'account mail',
    async start() {
      timer = setInterval(() => {
        running = running
          .then(tick)
          .catch((err) => deps.logger.warn({ err }, 'account mail: sending failed; will retry'))
      }, pollMs)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
      await running
      await channel.close?.()
    },
  }
}

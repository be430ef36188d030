import type { AppDeps } from '../app/context.js'
import { pageMessage } from '../app/oncall/page-message.js'
import type { SendResult } from '../delivery/channels/channel.js'
import type { ChannelRegistry } from '../delivery/channels/channel-registry.js'
import { decideRetry, type RetryPolicy } from '../domain/delivery/retry-schedule.js'
import { oncallTimersStore } from '../store/oncall-timers-store.js'

/** A page is urgent: retry within minutes, not over a day as customer updates do. */
export const pageRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  initialDelayMs: 15_000,
  multiplier: 2,
  maxDelayMs: 5 * 60_000,
  jitterRatio: 0.2,
}

export interface PageNotificationOptions {
  batchSize?: number
  leaseMs?: number
  /** Sends in flight at once. */
  concurrency?: number
  random?: () => number
}

/**
 * Sends every page notification that is due through the delivery channels. Rows are leased
 * in a short transaction (SKIP LOCKED), sent outside it, then marked: at least once, and a
 * sender that dies leaves its lease to expire. Returns how many were sent.
 */
export async function sendDuePageNotifications(
  deps: Pick<AppDeps, 'store' | 'secret' | 'baseUrl' | 'logger'>,
  channels: ChannelRegistry,
  now: Date,
  options: PageNotificationOptions = {},
): Promise<number> {
  const timers = oncallTimersStore(deps.store.db)
  const batchSize = options.batchSize ?? 200
  const random = options.random ?? Math.random
  let sent = 0
  for (;;) {
    const leased = await deps.store.db
      .transaction()
      .execute((trx) => oncallTimersStore(trx).leaseDueNotifications(now, batchSize, options.leaseMs ?? 60_000))
    if (leased.length === 0) return sent
    const stale = leased.filter((n) => n.page.status !== 'triggered')
    await timers.markCancelled(stale.map((n) => n.id))
    const live = leased.filter((n) => n.page.status === 'triggered')
    const secrets = await timers.webhookSecrets(live.flatMap((n) => (n.contact_method_id ? [n.contact_method_id] : [])))
    const done: string[] = []
    const send = async (n: (typeof live)[number]) => {
      let result: SendResult
      if (!channels.has(n.kind)) {
        result = { ok: false, kind: 'permanent', reason: `no ${n.kind} channel is configured` }
      } else {
        const message = pageMessage(
          deps,
          {
            id: n.id,
            orgId: n.org_id,
            pageId: n.page_id,
            userId: n.user_id,
            kind: n.kind,
            address: n.address,
            levelIndex: n.level_index,
            isFallback: n.is_fallback,
            secret: (n.contact_method_id && secrets.get(n.contact_method_id)) ?? null,
            page: { summary: n.page.summary, details: n.page.details, createdAt: n.page.created_at },
          },
          now,
        )
        result = await channels
          .get(n.kind)
          .send(message)
          .catch((error: Error): SendResult => ({ ok: false, kind: 'retry', reason: error.message }))
      }
      if (result.ok) return void done.push(n.id)
      const decision = decideRetry(
        { attempts: n.attempts, now, isPermanent: result.kind !== 'retry', retryAfterMs: result.retryAfterMs },
        random,
        pageRetryPolicy,
      )
      if (decision.kind === 'retry') await timers.markRetry(n.id, decision.nextAttemptAt, result.reason)
      else await timers.markFailed(n.id, `${result.reason} (${decision.reason})`)
      deps.logger.warn({ notificationId: n.id, kind: n.kind, reason: result.reason }, 'page notification not delivered')
    }
    const concurrency = options.concurrency ?? 32
    for (let i = 0; i < live.length; i += concurrency) await Promise.all(live.slice(i, i + concurrency).map(send))
    await timers.markSent(done, now)
    sent += done.length
    if (leased.length < batchSize) return sent
  }
}

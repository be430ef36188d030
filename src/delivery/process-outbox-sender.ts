import { withCheckInLink } from '../app/oncall/check-in-links.js'
import { freezeWebhookSecret } from '../app/process/freeze-webhook-secret.js'
import type { Config } from '../config.js'
import { decideRetry } from '../domain/delivery/retry-schedule.js'
import type { BackgroundService } from '../features.js'
import type { HttpDeps } from '../http/http-deps.js'
import { processOutboxDispatchStore, type ProcessOutboxRow } from '../store/process-outbox-dispatch-store.js'
import { ChannelRegistry } from './channels/channel-registry.js'
import type { SendResult } from './channels/channel.js'
import { createEmailChannel } from './channels/email-channel.js'
import { createHttpSender } from './channels/http-sender.js'
import { createWebhookChannel } from './channels/webhook-channel.js'

interface Delivery {
  channel: 'email' | 'webhook'
  address: string
  subject: string
  text: string
  payload?: unknown
}

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : []
}

/** Who a process notice goes to, and what it says; an empty list means nobody could be reached. */
async function deliveriesFor(
  row: ProcessOutboxRow,
  emailsOf: (ids: string[]) => Promise<{ email: string }[]>,
): Promise<Delivery[]> {
  const p = row.payload
  const drill = p.isDrill ? '[DRILL] ' : ''
  const text = String(p.text ?? '')
  switch (row.kind) {
    case 'freeze_webhook':
      return typeof p.url === 'string'
        ? [{ channel: 'webhook', address: p.url, subject: String(p.event ?? 'freeze'), text: '', payload: p.body }]
        : []
    case 'stakeholder_notification': {
      const subject = `${drill}Incident ${String(p.event ?? 'update').replaceAll('_', ' ')}`
      return asArray<{ emails?: string[]; webhookUrl?: string | null }>(p.recipients).flatMap((r) => [
        ...(r.emails ?? []).map((email): Delivery => ({ channel: 'email', address: email, subject, text })),
        ...(r.webhookUrl
          ? [
              {
                channel: 'webhook' as const,
                address: r.webhookUrl,
                subject,
                text,
                payload: { event: p.event, text, is_drill: Boolean(p.isDrill), incident_id: row.incident_id },
              },
            ]
          : []),
      ])
    }
    case 'team_message':
    case 'person_notification': {
      const people =
        row.kind === 'team_message'
          ? asArray<{ id: string }>(p.recipients)
          : [p.person as { id: string }].filter(Boolean)
      const subject = `${drill}${row.kind === 'team_message' ? 'Incident team message' : `Incident: ${String(p.reason ?? 'your attention is needed')}`}`
      return (await emailsOf(people.map((person) => person.id))).map((u) => ({
        channel: 'email',
        address: u.email,
        subject,
        text,
      }))
    }
    default:
      return []
  }
}

/**
 * Sends what the incident process owes the outside world (stakeholder notices, team messages,
 * marketing-freeze webhooks) from `process_outbox`: retried with backoff, failed visibly, and each
 * message carries an idempotency key per (row, address) so a resend after a crash can be dropped.
 */
export function createProcessOutboxSender(
  deps: HttpDeps,
  config: Config,
  options: { pollMs?: number } = {},
): BackgroundService & { runOnce(): Promise<number> } {
  const registry = new ChannelRegistry()
  const sender = createHttpSender({ allowlist: config.webhookAllowlist, timeoutMs: 10_000 })
  registry.register(createWebhookChannel({ sender }))
  const host = new URL(deps.baseUrl).hostname
  if (config.smtpUrl) {
    registry.register(
      createEmailChannel({
        smtpUrl: config.smtpUrl,
        from: `incidents@${host.includes('.') ? host : `${host}.invalid`}`,
        messageIdDomain: host,
        maxConnections: 2,
      }),
    )
  }
  let timer: NodeJS.Timeout | null = null
  let running: Promise<number> | null = null
  let stopped = false

  async function sendRow(row: ProcessOutboxRow, deliveries: Delivery[]): Promise<SendResult> {
    for (const d of deliveries) {
      if (!registry.has(d.channel))
        return { ok: false, kind: 'retry', reason: `no ${d.channel} channel is configured (SMTP_URL)` }
      const result = await registry.get(d.channel).send({
        idempotencyKey: `process:${row.id}:${d.address}`,
        address: d.address,
        subject: d.subject,
        text: d.text,
        ...(d.payload !== undefined ? { payload: d.payload } : {}),
        secret: freezeWebhookSecret(deps.secret, row.org_id),
      })
      if (!result.ok) return result
    }
    return { ok: true }
  }

  async function runOnce(): Promise<number> {
    const now = deps.clock()
    return deps.store.db.transaction().execute(async (tx) => {
      const store = processOutboxDispatchStore(tx)
      const rows = await store.claimDue(now, 20)
      for (const row of rows) {
        const deliveries = withCheckInLink(
          deps,
          row,
          now,
          await deliveriesFor(row, (ids) => store.userEmails(row.org_id, ids)),
        )
        if (deliveries.length === 0) {
          await store.markFailed(row.id, 'no recipient or destination is configured for this notice')
          continue
        }
        const result = await sendRow(row, deliveries).catch(
          (error: Error): SendResult => ({ ok: false, kind: 'retry', reason: error.message }),
        )
        if (result.ok) {
          await store.markSent(row.id, deps.clock(), null)
          continue
        }
        const decision = decideRetry(
          { attempts: row.attempts + 1, now, isPermanent: result.kind !== 'retry', retryAfterMs: result.retryAfterMs },
          Math.random,
        )
        if (decision.kind === 'retry') await store.markRetry(row.id, decision.nextAttemptAt, result.reason)
        else await store.markFailed(row.id, `${result.reason} (${decision.reason})`)
      }
      return rows.length
    })
  }

  const tick = () => {
    if (stopped || running) return
    running = runOnce()
      .catch((err) => {
        deps.logger.warn({ err }, 'process notices: sending failed; will retry')
        return 0
      })
      .finally(() => (running = null))
  }
  const wake = () => setImmediate(tick)

  return {
    name: 'process-outbox-sender',
    runOnce,
    async start() {
      stopped = false
      timer = setInterval(tick, options.pollMs ?? 2_000)
      timer.unref()
      deps.events.on('incident.changed', wake)
    },
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      deps.events.off('incident.changed', wake)
      await running
      await registry.closeAll()
    },
  }
}

import { bootstrapOwner } from '../app/accounts/bootstrap-owner.js'
import { runContactTaskAlerts } from '../app/key-customers/run-contact-task-alerts.js'
import type { BackgroundService } from '../app/background-service.js'
import { pollLoop } from '../app/poll-loop.js'
import { runLearningReminders } from '../app/postmortems/run-learning-reminders.js'
import { runProcessTimers } from '../app/process/run-process-timers.js'
import type { Config } from '../config.js'
import type { HttpDeps } from '../http/http-deps.js'
import { smtpIntakeService } from '../intake/email/smtp-intake-service.js'
import { advanceDueEscalations } from '../jobs/escalation-timers.js'
import { firingForTimersJob } from '../jobs/firing-for-timers.js'
import { listenForStatusPageChanges } from '../store/status-page-change-listener.js'
import type { OutboxSignalRelay } from './build-deps.js'
import { idleGcService, memoryLogService } from './memory-log.js'
import { createOutboundPipeline } from './outbound-pipeline.js'

export type RuntimeDeps = HttpDeps & { outbox: OutboxSignalRelay }

/**
 * Every long-running part, in start order (stopped in reverse): the status pages first so the
 * first request finds them rendered, the outbound pipeline before the jobs that feed it.
 */
export function backgroundServices(deps: RuntimeDeps, config: Config): BackgroundService[] {
  const pipeline = createOutboundPipeline(deps, config)
  const services: BackgroundService[] = [
    statusPagesService(deps),
    {
      name: 'outbound pipeline',
      async start() {
        await pipeline.start()
        deps.outbox.attach(pipeline.worker)
      },
      async stop() {
        deps.outbox.attach(null)
        await pipeline.stop()
      },
    },
    // Due times live in rows: these loops hold nothing a restart or a second node could lose.
    pollLoop({
      name: 'on-call escalations',
      idleMs: 1_000,
      logger: deps.logger,
      async run() {
        const moved = await advanceDueEscalations(deps, deps.clock())
        if (moved > 0) deps.outbox.wake()
        return moved
      },
    }),
    pollLoop({
      name: 'process timers',
      idleMs: 5_000,
      logger: deps.logger,
      // Contact tasks past their SLA deadline are process timers too: same loop, their own rows.
      run: async () => (await runProcessTimers(deps, deps.clock())) + (await runContactTaskAlerts(deps, deps.clock())),
    }),
    // Postmortems nobody started and overdue action items: due in days, so a minute's delay is nothing.
    pollLoop({
      name: 'learning reminders',
      idleMs: 60_000,
      logger: deps.logger,
      run: () => runLearningReminders(deps, deps.clock()),
    }),
    firingForTimersJob(deps, { clock: deps.clock }),
    ownerBootstrapService(deps, config),
  ]
  services.push(idleGcService())
  if (config.memoryLogSeconds > 0) services.push(memoryLogService(deps.database, deps.logger, config.memoryLogSeconds))
  if (config.inboundSmtpPort !== undefined)
    services.push(smtpIntakeService(deps, { port: config.inboundSmtpPort, host: config.host }))
  return services
}

/** Loads every page at start and LISTENs for changes made by other nodes and tools (migration 0006's triggers). */
export function statusPagesService(deps: HttpDeps): BackgroundService {
  let stopListening: (() => Promise<void>) | null = null
  return {
    name: 'status-page snapshots',
    async start() {
      stopListening = await listenForStatusPageChanges(deps.database, {
        onChange: (pageId) => deps.statusPages.cache.changed(pageId),
        onReconnect: () => void deps.statusPages.cache.refreshAll(),
        onError: (err) => deps.logger.warn({ err }, 'status pages: change listener lost its connection; retrying'),
      })
      await deps.statusPages.start()
    },
    async stop() {
      await stopListening?.()
      deps.statusPages.stop()
    },
  }
}

/** On the very first start: the owner, with the configured password or a one-time sign-in link. */
function ownerBootstrapService(deps: HttpDeps, config: Config): BackgroundService {
  return {
    name: 'first owner',
    async start() {
      let made: Awaited<ReturnType<typeof bootstrapOwner>>
      try {
        made = await bootstrapOwner(deps, {
          email: config.adminEmail,
          password: config.adminPassword,
          now: deps.clock(),
        })
      } catch (error) {
        // Another node made the owner at the same moment (unique email): nothing to do.
        if ((error as { code?: string }).code === '23505') return
        throw error
      }
      if (!made) return
      if (!made.signInUrl) {
        process.stdout.write(`Owner account ${made.email} created with the configured password.\n`)
        return
      }
      process.stdout.write(
        `\nOwner account created: ${made.email}\nSign in once with this link (valid until ` +
          `${made.expiresAt?.toISOString()}), then set a password:\n  ${made.signInUrl}\n\n`,
      )
    },
    async stop() {},
  }
}

import type { AppDeps } from '../app/context.js'
import type { ChannelRegistry } from '../delivery/channels/channel-registry.js'
import type { BackgroundService } from '../features.js'
import { advanceDueEscalations } from './escalation-timers.js'
import { sendDuePageNotifications } from './page-notifications.js'

export interface OncallJobsOptions {
  /** How often the database is asked for due timers; the timers themselves live in rows. */
  pollMs?: number
}

/** One pass: advance timed-out pages, then send what is due (including what the pass just wrote). */
export async function runOncallJobs(
  deps: Pick<AppDeps, 'store' | 'secret' | 'baseUrl' | 'logger'>,
  channels: ChannelRegistry,
  now: Date,
) {
  const escalated = await advanceDueEscalations(deps, now)
  const sent = await sendDuePageNotifications(deps, channels, now)
  return { escalated, sent }
}

/**
 * Polls on a timer, but the timer holds nothing: every due time is a column, so a restart,
 * or a second node running the same service, continues where the last one stopped.
 */
export function oncallJobsService(
  deps: Pick<AppDeps, 'store' | 'secret' | 'baseUrl' | 'logger'>,
  paging: { channels: ChannelRegistry; close(): Promise<void> },
  clock: () => Date,
  options: OncallJobsOptions = {},
): BackgroundService {
  const pollMs = options.pollMs ?? 1_000
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = true
  const tick = async () => {
    try {
      await runOncallJobs(deps, paging.channels, clock())
    } catch (error) {
      deps.logger.error({ err: error }, 'on-call jobs failed; retrying on the next tick')
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick().finally(schedule)
    }, pollMs)
    timer.unref()
  }
  return {
    name: 'oncall-jobs',
    async start() {
      stopped = false
      running = tick().finally(schedule)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
      await paging.close()
    },
  }
}

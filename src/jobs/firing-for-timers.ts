import { type PollLoop, pollLoop } from '../app/poll-loop.js'
import type { AppDeps } from '../app/context.js'
import { actOnRoutingTimer } from '../app/intake/act-on-routing-timer.js'
import { dueRoutingTimersStore } from '../store/routing-timers-store.js'

const RETRY_AFTER_MS = 60_000

/**
 * Acts on every "firing for longer than N minutes" timer due at `now` (routing_timers.due_at),
 * one per transaction; timers another node holds, or whose alert intake is writing, wait for the
 * next round. One that fails is retried a minute later, so it holds up none behind it.
 * Returns how many timers were acted on.
 */
export async function runFiringForTimers(deps: AppDeps, now: Date, options: { limit?: number } = {}): Promise<number> {
  const limit = options.limit ?? 200
  let done = 0
  while (done < limit) {
    let claimed: string | null = null
    try {
      const result = await deps.store.run('firing-for timers', async (raw) => {
        const timer = await dueRoutingTimersStore(raw).claimNext(now)
        if (!timer) return null
        claimed = timer.alert_id
        return { orgId: timer.org_id, ...(await actOnRoutingTimer(deps, raw, timer, now)) }
      })
      if (result === null) break
      if (result.opened)
        deps.events.emit('incident.changed', {
          orgId: result.orgId,
          incidentId: result.opened.id,
          pageId: result.opened.pageId,
          kind: 'opened',
        })
    } catch (error) {
      if (claimed === null) throw error
      deps.logger.error({ err: error, alertId: claimed }, 'a firing-for timer failed; retrying in a minute')
      await dueRoutingTimersStore(deps.store.db).postpone(claimed, new Date(now.getTime() + RETRY_AFTER_MS))
    }
    done++
  }
  return done
}

/** The job as a poll loop; the due times live in the database, so a restart loses nothing. */
export function firingForTimersJob(deps: AppDeps, options: { clock: () => Date; intervalMs?: number }): PollLoop {
  return pollLoop({
    name: 'firing-for timers',
    idleMs: options.intervalMs ?? 5_000,
    logger: deps.logger,
    async run() {
      const opened = await runFiringForTimers(deps, options.clock())
      if (opened > 0) deps.outbox.wake()
      return opened
    },
  })
}

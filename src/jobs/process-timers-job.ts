import type { AppDeps } from '../app/context.js'
import { runProcessTimers } from '../app/process/run-process-timers.js'
import type { BackgroundService } from '../features.js'

export interface ProcessTimersJobOptions {
  clock: () => Date
  intervalMs?: number
}

/**
 * Looks for due process timers every few seconds. The due times live in the database
 * (incident_processes.next_timer_at), so a restart or a second node loses nothing.
 */
export function processTimersJob(deps: AppDeps, options: ProcessTimersJobOptions): BackgroundService {
  const intervalMs = options.intervalMs ?? 15_000
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = true
  const runOnce = async () => {
    try {
      // Drain what is due before sleeping again, in bounded rounds.
      for (let round = 0; round < 20 && !stopped; round++) {
        if ((await runProcessTimers(deps, options.clock())) === 0) break
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'process timers failed; retrying on the next round')
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = runOnce().finally(schedule)
    }, intervalMs)
    timer.unref()
  }
  return {
    name: 'process-timers',
    async start() {
      stopped = false
      running = runOnce().finally(schedule)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}

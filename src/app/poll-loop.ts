import { runOperation } from '../store/transaction-scope.js'
import type { BackgroundService } from './background-service.js'

export interface PollLoopOptions {
  name: string
  /** Does what is due now and returns how much it did; 0 means nothing was due. */
  run(signal: AbortSignal): Promise<number>
  /** Sleep between empty runs; a wake() ends it early. */
  idleMs: number
  logger: { error(fields: object, message: string): void }
  /** How long stop() lets the current run finish before aborting it, then as long again before giving up on it. */
  stopGraceMs?: number
}

export interface PollLoop extends BackgroundService {
  /** Look for work now (something was just committed). */
  wake(): void
  /** Resolves once a run that began after this call found nothing due: the loop has drained. */
  drained(): Promise<void>
  isRunning(): boolean
}

/**
 * The loop every background service runs: work until nothing is due, sleep until woken or the
 * interval passes. Due times live in the database, so the loop holds no state a crash can lose.
 */
export function pollLoop(options: PollLoopOptions): PollLoop {
  const graceMs = options.stopGraceMs ?? 3_000
  let isStopped = true
  let loop: Promise<void> | null = null
  let controller = new AbortController()
  let generation = 0
  let isWoken = false
  let wakeSleeper: (() => void) | null = null
  let waiters: { after: number; resolve: () => void; reject: (error: Error) => void }[] = []

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (isWoken || isStopped) return resolve()
      const timer = setTimeout(done, ms)
      timer.unref()
      function done() {
        clearTimeout(timer)
        wakeSleeper = null
        resolve()
      }
      wakeSleeper = done
    })

  const settleWaiters = (finishedRun: number) => {
    const ready = waiters.filter((w) => w.after < finishedRun)
    waiters = waiters.filter((w) => w.after >= finishedRun)
    for (const w of ready) w.resolve()
  }

  async function runLoop() {
    while (!isStopped) {
      isWoken = false
      const run = ++generation
      let did: number
      try {
        did = await runOperation(options.name, () => options.run(controller.signal))
      } catch (error) {
        if (!isStopped) options.logger.error({ err: error, service: options.name }, `${options.name} failed; retrying`)
        await sleep(options.idleMs)
        continue
      }
      if (did > 0) continue
      settleWaiters(run)
      await sleep(options.idleMs)
    }
  }

  const wake = () => {
    isWoken = true
    wakeSleeper?.()
  }

  const within = (promise: Promise<void>, ms: number) =>
    Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())])

  return {
    name: options.name,
    isRunning: () => !isStopped,
    async start() {
      if (!isStopped) return
      isStopped = false
      controller = new AbortController()
      loop = runLoop()
    },
    wake,
    drained() {
      if (isStopped) return Promise.reject(new Error(`${options.name} is not running`))
      return new Promise<void>((resolve, reject) => {
        waiters.push({ after: generation, resolve, reject })
        wake()
      })
    },
    async stop() {
      if (isStopped || !loop) return
      isStopped = true
      wakeSleeper?.()
      for (const w of waiters.splice(0)) w.reject(new Error(`${options.name} stopped`))
      if (await within(loop, graceMs)) return
      controller.abort()
      if (await within(loop, graceMs)) return
      options.logger.error(
        { service: options.name },
        `${options.name} did not stop within ${2 * graceMs} ms; left behind`,
      )
    },
  }
}

import { afterEach, describe, expect, it } from 'vitest'
import { pollLoop, type PollLoop } from './poll-loop.js'

const quiet = { error: () => undefined }
/** A job with `due()` items left: each run does one. */
function countdown(start: number) {
  const job = {
    left: start,
    run: async () => {
      if (job.left === 0) return 0
      job.left--
      return 1
    },
  }
  return job
}
const loops: PollLoop[] = []
afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.stop()
})

function started(options: Parameters<typeof pollLoop>[0]) {
  const loop = pollLoop(options)
  loops.push(loop)
  void loop.start()
  return loop
}

describe('poll loop', () => {
  it('works until nothing is due, then reports it has drained', async () => {
    const job = countdown(5)
    const loop = started({ name: 'jobs', idleMs: 60_000, logger: quiet, run: job.run })
    await loop.drained()
    expect(job.left).toBe(0)
  })

  it('drains only after a run that began after the call found nothing, so new work is seen', async () => {
    const job = countdown(0)
    const loop = started({ name: 'jobs', idleMs: 60_000, logger: quiet, run: job.run })
    await loop.drained()
    job.left = 3
    await loop.drained()
    expect(job.left).toBe(0)
  })

  it('keeps going after a failing run and logs it with the service name', async () => {
    const logged: object[] = []
    let calls = 0
    const loop = started({
      name: 'timers',
      idleMs: 1,
      logger: { error: (fields) => void logged.push(fields) },
      run: async () => {
        calls++
        if (calls === 1) throw new Error('boom')
        return 0
      },
    })
    await loop.drained()
    expect(logged[0]).toMatchObject({ service: 'timers' })
  })

  it('stops within its grace when a run never ends, aborting it first', async () => {
    let sawAbort = false
    const logged: string[] = []
    const loop = started({
      name: 'stuck',
      idleMs: 1,
      stopGraceMs: 20,
      logger: { error: (_f, message) => void logged.push(message) },
      run: (signal) =>
        new Promise<number>(() => {
          signal.addEventListener('abort', () => {
            sawAbort = true
          })
        }),
    })
    await new Promise((r) => setImmediate(r))
    await loop.stop()
    expect(sawAbort).toBe(true)
    expect(logged).toEqual(['stuck did not stop within 40 ms; left behind'])
  })
})

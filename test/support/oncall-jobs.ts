import { afterEach } from 'vitest'
import { startSmtpSink } from './smtp-sink.js'
import { advanceDueEscalations } from '../../src/jobs/escalation-timers.js'
import type { TestApp } from './test-app.js'
import { startTestPipeline } from './pipeline.js'

const sinks: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const sink of sinks.splice(0)) await sink.close()
})

/**
 * The on-call background work as `npm start` runs it, against a real SMTP sink: escalation
 * timers at the test clock's now, then the outbound pipeline until it has drained.
 */
export async function startOncallJobs(t: TestApp, options: { allowlist?: string[] } = {}) {
  const sink = await startSmtpSink({ keepRaw: true })
  sinks.push(sink)
  const pipeline = await startTestPipeline(t.deps, { smtpUrl: sink.url, ...options })
  let seen = 0
  return {
    sink,
    pipeline,
    /** Every address mailed so far, in order. */
    mailed: () => sink.messages.flatMap((m) => m.to),
    /** One pass at the clock's now: how many pages escalated, and how many messages went out. */
    async run(): Promise<{ escalated: number; sent: number }> {
      const escalated = await advanceDueEscalations(t.deps, t.clock.now)
      pipeline.worker.wake()
      await pipeline.worker.drained()
      const sent = sink.messages.length - seen
      seen = sink.messages.length
      return { escalated, sent }
    },
  }
}

import { afterEach } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { parseDeliverySettings } from '../../src/delivery/delivery-settings.js'
import type { OutboxSignalRelay } from '../../src/wiring/build-deps.js'
import { createOutboundPipeline, type OutboundPipeline } from '../../src/wiring/outbound-pipeline.js'
import type { RuntimeDeps } from '../../src/wiring/services.js'

const running: { pipeline: OutboundPipeline; outbox: OutboxSignalRelay }[] = []
afterEach(async () => {
  for (const { pipeline, outbox } of running.splice(0)) {
    outbox.attach(null)
    await pipeline.stop()
  }
})

export interface TestPipelineOptions {
  smtpUrl?: string
  /** Hosts webhooks may reach despite the private-address guard (the receivers run on 127.0.0.1). */
  allowlist?: string[]
  /** Delivery settings over the test defaults (fast retries and polls, long leases). */
  settings?: Record<string, unknown>
  env?: NodeJS.ProcessEnv
}

/**
 * The real outbound pipeline of these deps, as `npm start` runs it, with fast retries and
 * polling; stopped after the test. `worker.drained()` says when nothing due is left.
 */
export async function startTestPipeline(deps: RuntimeDeps, options: TestPipelineOptions = {}) {
  const config = loadConfig(
    {
      BASE_URL: deps.baseUrl,
      LOG_LEVEL: 'silent',
      WEBHOOK_ALLOWLIST: (options.allowlist ?? ['127.0.0.1']).join(','),
      ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
      ...options.env,
    },
    '/nonexistent',
  )
  const { worker: workerSettings, ...rest } = options.settings ?? {}
  const settings = parseDeliverySettings({
    retry: { initialDelayMs: 1_000, maxDelayMs: 4_000, maxAttempts: 4, jitterRatio: 0 },
    // Tests move the clock by seconds per poll: a long lease keeps a batch from being taken over meanwhile.
    worker: { idlePollMs: 20, leaseMs: 3_600_000, relayProbeMs: 100, ...(workerSettings as object) },
    ...rest,
  })
  const pipeline = createOutboundPipeline(deps, config, settings)
  await pipeline.start()
  deps.outbox.attach(pipeline.worker)
  running.push({ pipeline, outbox: deps.outbox })
  return pipeline
}

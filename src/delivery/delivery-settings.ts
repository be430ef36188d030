import { z } from 'zod'
import { defaultRetryPolicy, type RetryPolicy } from '../domain/delivery/retry-schedule.js'
import { defaultWorkerOptions, type WorkerOptions } from './worker/delivery-worker.js'

/**
 * Delivery tuning: per-channel rate limits (messages per second to the SMTP relay, to
 * webhooks), retry schedule, worker sizes. Read from `config.delivery` when the
 * configuration carries it; the defaults suit one SMTP relay and a 2-core machine.
 */
const bucket = z.object({ ratePerSecond: z.number().positive(), burst: z.number().int().min(1) })

export const deliverySettingsSchema = z
  .object({
    rateLimits: z.record(z.string(), bucket.nullable()).default({}),
    retry: z
      .object({
        maxAttempts: z.number().int().min(1),
        initialDelayMs: z.number().int().min(0),
        multiplier: z.number().min(1),
        maxDelayMs: z.number().int().min(0),
        jitterRatio: z.number().min(0).max(1),
      })
      .partial()
      .default({}),
    worker: z
      .object({
        batchSize: z.number().int().min(1).max(10_000),
        lanes: z.number().int().min(1).max(16),
        concurrency: z.number().int().min(1).max(1_000),
        leaseMs: z.number().int().min(1_000),
        idlePollMs: z.number().int().min(10),
        flushEvery: z.number().int().min(1),
        sendTimeoutMs: z.number().int().min(100),
        relayProbeMs: z.number().int().min(50),
        stopGraceMs: z.number().int().min(0),
      })
      .partial()
      .default({}),
    /** Email From when a page has none: `"Page name" <address>` is built around it. */
    emailFrom: z.string().optional(),
    smtpMaxConnections: z.number().int().min(1).max(100).default(16),
    confirmationTtlHours: z.number().positive().default(48),
    webhookTimeoutMs: z.number().int().min(100).default(10_000),
    webhookAllowlist: z.array(z.string()).default([]),
  })
  .strict()

export type DeliverySettings = z.infer<typeof deliverySettingsSchema>

export function parseDeliverySettings(raw: unknown): DeliverySettings {
  return deliverySettingsSchema.parse(raw ?? {})
}

export function retryPolicyOf(settings: DeliverySettings): RetryPolicy {
  return { ...defaultRetryPolicy, ...settings.retry }
}

export function workerOptionsOf(settings: DeliverySettings): WorkerOptions {
  return {
    ...defaultWorkerOptions,
    leaseMs: 15_000,
    ...settings.worker,
    retryPolicy: retryPolicyOf(settings),
    rateLimits: settings.rateLimits,
  }
}

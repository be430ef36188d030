import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { deliverySettingsSchema } from './delivery/delivery-settings.js'
import { passwordProblems } from './domain/access/password-policy.js'

/**
 * The only reader of process.env. Every bad value is reported at once, each on its own
 * line, so an operator fixes a config in one round instead of five.
 */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const portSchema = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535')

const configSchema = z
  .object({
    port: portSchema.default(3000),
    host: z.string().min(1, 'must not be empty').default('localhost'),
    baseUrl: z.url({ message: 'must be an absolute http(s) URL such as https://status.example.com' }).optional(),
    dataDir: z.string().min(1, 'must not be empty').default('./data'),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    logLevel: z.enum(logLevels, { message: `must be one of ${logLevels.join(', ')}` }).default('info'),
    bootstrapToken: z.string().min(16, 'must be at least 16 characters').optional(),
    secret: z.string().min(32, 'must be at least 32 characters').optional(),
    smtpUrl: z
      .string()
      .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    inboundSmtpPort: portSchema.optional(),
    webhookAllowlist: z.array(z.string()).default([]),
    mailFrom: z
      .string()
      .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an email address such as status@example.com')
      .optional(),
    /**
     * Behind a reverse proxy: which hops to believe in X-Forwarded-For / -Proto, so rate limits and the
     * audit log see the client, not the proxy. `true`, a hop count, or addresses / CIDR ranges.
     */
    trustProxy: z
      .union([
        z.boolean(),
        z.number().int().min(1).max(10),
        z.array(
          z.string().regex(/^[0-9a-fA-F.:]+(\/\d{1,3})?$/, 'must be IP addresses or CIDR ranges such as 10.0.0.0/8'),
        ),
      ])
      .default(false),
    /** The first owner's sign-in, used on the very first start only (otherwise a one-time link is printed). */
    adminEmail: z
      .string()
      .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'must be an email address such as owner@example.com')
      .optional(),
    adminPassword: z.string().optional(),
    smtpRatePerSecond: z.coerce
      .number({ message: 'must be a number' })
      .positive('must be positive')
      .max(10_000)
      .optional(),
    /** The longest a database transaction may stay open before it is rolled back and logged. */
    transactionTimeoutMs: z.coerce
      .number({ message: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(100, 'must be at least 100')
      .max(600_000, 'must be at most 600000')
      .default(15_000),
    /** Logs RSS, JS heap, buffers and the embedded database's memory every this many seconds (0: off). */
    memoryLogSeconds: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, 'must be 0 (off) or more')
      .max(86_400, 'must be at most 86400')
      .default(0),
    /** A bearer token for /metrics; without it /metrics answers only this machine, not through a proxy. */
    metricsToken: z
      .string()
      .min(16, 'must be at least 16 characters')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
    /** Delivery tuning (rate limits per channel, retries, worker sizes); see src/delivery/delivery-settings.ts. */
    delivery: deliverySettingsSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.adminPassword === undefined) return
    // The same policy as every sign-in password, checked now rather than at the first start's bootstrap.
    const problems =
      c.adminEmail === undefined
        ? ['needs CANDOR_ADMIN_EMAIL too: whose password is it?']
        : passwordProblems(c.adminPassword, { email: c.adminEmail })
    for (const message of problems) ctx.addIssue({ code: 'custom', path: ['adminPassword'], message })
  })

export type Config = z.infer<typeof configSchema> & { baseUrl: string; configFile?: string }

const envNames: Record<string, keyof z.infer<typeof configSchema>> = {
  PORT: 'port',
  HOST: 'host',
  BASE_URL: 'baseUrl',
  DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  LOG_LEVEL: 'logLevel',
  CANDOR_BOOTSTRAP_TOKEN: 'bootstrapToken',
  CANDOR_SECRET: 'secret',
  SMTP_URL: 'smtpUrl',
  INBOUND_SMTP_PORT: 'inboundSmtpPort',
  WEBHOOK_ALLOWLIST: 'webhookAllowlist',
  MAIL_FROM: 'mailFrom',
  SMTP_RATE_PER_SECOND: 'smtpRatePerSecond',
  CANDOR_ADMIN_EMAIL: 'adminEmail',
  TRUST_PROXY: 'trustProxy',
  CANDOR_ADMIN_PASSWORD: 'adminPassword',
  TRANSACTION_TIMEOUT_MS: 'transactionTimeoutMs',
  MEMORY_LOG_SECONDS: 'memoryLogSeconds',
  METRICS_TOKEN: 'metricsToken',
}
const keyToEnv = Object.fromEntries(Object.entries(envNames).map(([env, key]) => [key, env]))

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

function readConfigFile(path: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ConfigError([`${path}: not valid JSON (${(error as Error).message})`])
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([`${path}: must hold a JSON object`])
  }
  return parsed as Record<string, unknown>
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

function trustProxyFromEnv(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true'
  return /^\d+$/.test(value) ? Number(value) : list(value)
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const file = env.CANDOR_CONFIG ?? resolve(cwd, 'candor.config.json')
  const fromFile = existsSync(file) ? readConfigFile(file) : {}
  const fromEnv: Record<string, unknown> = {}
  for (const [name, key] of Object.entries(envNames)) {
    const value = env[name]
    if (value === undefined || value === '') continue
    fromEnv[key] = key === 'webhookAllowlist' ? list(value) : key === 'trustProxy' ? trustProxyFromEnv(value) : value
  }
  const result = configSchema.safeParse({ ...fromFile, ...fromEnv })
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `${file}: unknown setting(s) ${issue.keys.join(', ')}`
      const key = String(issue.path[0] ?? '')
      const where = issue.path.map(String).join('.')
      const source = key in fromEnv ? keyToEnv[key] : `${where} in ${file}`
      return `${source}: ${issue.message}`
    })
    throw new ConfigError(problems)
  }
  const data = result.data
  const shownHost = data.host === '0.0.0.0' || data.host === '::' ? 'localhost' : data.host
  return {
    ...data,
    dataDir: resolve(cwd, data.dataDir),
    baseUrl: (data.baseUrl ?? `http://${shownHost}:${data.port}`).replace(/\/$/, ''),
    ...(existsSync(file) ? { configFile: file } : {}),
  }
}

import { randomBytes } from 'node:crypto'
import { defaultAccountsOptions } from '../app/accounts/accounts-options.js'
import { AppEvents, createHooks } from '../app/context.js'
import { createIntakeRuntime } from '../app/intake/intake-runtime.js'
import type { Config } from '../config.js'
import { checkWebhookUrl, createAllowlist } from '../delivery/channels/ssrf-guard.js'
import { canWithScopes } from '../domain/access/token-scopes.js'
import { defaultSecuritySettings } from '../http/accounts/security-plugin.js'
import { sessionAuthenticator } from '../http/accounts/session-authenticator.js'
import { bearerTokenAuthenticator } from '../http/authenticate.js'
import type { HttpDeps } from '../http/http-deps.js'
import { createConsoleEvents } from '../http/live/console-events.js'
import { createStatusPagesRuntime } from '../http/status-page/runtime.js'
import type { Logger } from '../logger.js'
import type { DatabaseHandle } from '../store/database.js'
import { createStore } from '../store/store.js'
import { wireHooks } from './hooks.js'
import { createOperations } from './operations.js'
import { deliverySettingsOf } from './outbound-pipeline.js'

/** Passes wake() on to the outbound pipeline once it runs; before that (tests, CLI) there is nothing to wake. */
export function outboxSignal() {
  let target: { wake(): void } | null = null
  return {
    wake: () => target?.wake(),
    attach(worker: { wake(): void } | null) {
      target = worker
    },
  }
}
export type OutboxSignalRelay = ReturnType<typeof outboxSignal>

/** Everything a running Candor needs, given an open database; tests build the same deps. */
export async function buildDeps(
  database: DatabaseHandle,
  config: Config,
  logger: Logger,
  clock: () => Date = () => new Date(),
): Promise<HttpDeps & { outbox: OutboxSignalRelay; operations: ReturnType<typeof createOperations> }> {
  const store = createStore(database.db, {
    embedded: database.engine === 'pglite',
    logger,
    transactionTimeoutMs: config.transactionTimeoutMs,
  })
  const secret =
    config.secret ?? (await store.instanceSettings.getOrCreate('secret', () => randomBytes(32).toString('base64url')))
  const delivery = deliverySettingsOf(config)
  const allowlist = createAllowlist([...config.webhookAllowlist, ...delivery.webhookAllowlist])
  const statusPages = createStatusPagesRuntime({ store, baseUrl: config.baseUrl, clock, logger })
  const events = new AppEvents()
  const deps = {
    database,
    store,
    secret,
    events,
    hooks: createHooks(),
    logger,
    baseUrl: config.baseUrl,
    clock,
    permissions: canWithScopes,
    accounts: { ...defaultAccountsOptions, canSendEmail: Boolean(config.smtpUrl) },
    subscribers: {
      confirmationTtlMs: delivery.confirmationTtlHours * 60 * 60_000,
      checkWebhookUrl: (url: string) => checkWebhookUrl(url, allowlist),
    },
    outbox: outboxSignal(),
    intake: createIntakeRuntime(),
    // Console sessions first; a request with an Authorization header is left to the token.
    authenticators: [sessionAuthenticator, bearerTokenAuthenticator],
    bodyLimitBytes: 1024 * 1024,
    trustProxy: config.trustProxy,
    statusPages,
    security: defaultSecuritySettings,
    consoleEvents: createConsoleEvents(events),
    operations: createOperations(database, { clock, logger, metricsToken: config.metricsToken }),
  }
  deps.events.setMaxListeners(0)
  wireHooks(deps, statusPages)
  return deps
}

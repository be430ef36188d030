import fastifyCookie from '@fastify/cookie'
import type { FastifyInstance } from 'fastify'
import type { HttpDeps } from '../http-deps.js'
import { registerCsrfGuard } from './csrf-guard.js'
import { isInternalRequest, registerHttpAudit } from './http-audit.js'
import { registerInputGuard } from './input-guard.js'
import { defaultRateLimits, registerRateLimits, type RateLimits } from './rate-limits.js'
import { registerSecurityHeaders } from './security-headers.js'

export interface SecuritySettings {
  rateLimits: RateLimits
  /**
   * A client gets this long to send its request headers (slow-loris); the whole request is bounded
   * by Fastify's requestTimeout.
   */
  headersTimeoutMs: number
}

export const defaultSecuritySettings: SecuritySettings = { rateLimits: defaultRateLimits, headersTimeoutMs: 10_000 }

export function configureRateLimits(deps: HttpDeps, limits: Partial<RateLimits>) {
  configureSecurity(deps, { rateLimits: limits })
}

/** Tests and operators may loosen or tighten the limits before the app is built. */
export function configureSecurity(
  deps: HttpDeps,
  settings: { rateLimits?: Partial<RateLimits>; headersTimeoutMs?: number },
) {
  const current = deps.security
  deps.security = {
    rateLimits: { ...current.rateLimits, ...settings.rateLimits },
    headersTimeoutMs: settings.headersTimeoutMs ?? current.headersTimeoutMs,
  }
}

/**
 * Safety for the whole app, registered once at the root before any route: security headers,
 * cookie parsing, rate limits, input no database can store (NUL), CSRF for cookie sessions, audit
 * rows for API changes, header timeouts.
 */
async function securityPlugin(app: FastifyInstance, options: { deps: HttpDeps }) {
  const { deps } = options
  const settings = deps.security
  app.server.headersTimeout = settings.headersTimeoutMs
  // Node checks the timeouts on this interval (30 s by default), which would let a slow client linger that much longer.
  Object.assign(app.server, { connectionsCheckingInterval: 1_000 })
  await app.register(fastifyCookie)
  await registerSecurityHeaders(app, { isHttps: deps.baseUrl.startsWith('https://') })
  await registerRateLimits(app, settings.rateLimits, isInternalRequest)
  registerInputGuard(app)
  registerCsrfGuard(app, { secret: deps.secret, baseUrl: deps.baseUrl })
  registerHttpAudit(app, deps)
}

// Not encapsulated: the hooks must apply to every route of the app (what fastify-plugin does).
Object.assign(securityPlugin, { [Symbol.for('skip-override')]: true })

export { securityPlugin }

import type { AppDeps } from '../app/context.js'
import type { DatabaseHandle } from '../store/database.js'
import type { Authenticator } from './authenticate.js'

export interface HttpDeps extends AppDeps {
  database: DatabaseHandle
  clock: () => Date
  /** Tried in order; the accounts module adds session cookies in front of bearer tokens. */
  authenticators: Authenticator[]
  bodyLimitBytes: number
  /** Which proxies' X-Forwarded-* headers to believe (Fastify's trustProxy). */
  trustProxy?: boolean | number | string[]
}

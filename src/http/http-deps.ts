import type { AppDeps } from '../app/context.js'
import type { DatabaseHandle } from '../store/database.js'
import type { SecuritySettings } from './accounts/security-plugin.js'
import type { Authenticator } from './authenticate.js'
import type { ConsoleEvents } from './live/console-events.js'
import type { OperationsRuntime } from './operations/operations.js'
import type { StatusPagesRuntime } from './status-page/runtime.js'

export interface HttpDeps extends AppDeps {
  database: DatabaseHandle
  /** Tried in order: console sessions, then bearer tokens. */
  authenticators: Authenticator[]
  bodyLimitBytes: number
  /** Which proxies' X-Forwarded-* headers to believe (Fastify's trustProxy). */
  trustProxy?: boolean | number | string[]
  /** The status pages' snapshot cache and live hub, shared by the routes and the background service. */
  statusPages: StatusPagesRuntime
  security: SecuritySettings
  /** The console's live streams (server-sent events), fed by the change events. */
  consoleEvents: ConsoleEvents
  /** Metrics, readiness and the /metrics access rule (/metrics, /readyz, /livez). */
  operations: OperationsRuntime
}

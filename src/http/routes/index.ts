import type { RouteModule } from '../route-module.js'
import { accountsRoutes } from './accounts-routes.js'
import { alertIntakeRoutes } from './alert-intake-routes.js'
import { authRoutes } from './auth-routes.js'
import { alertsRoutes } from './alerts-routes.js'
import { componentsRoutes } from './components-routes.js'
import { consoleRoutes } from './console-routes.js'
import { healthRoutes } from './health-routes.js'
import { importRoutes } from './import-routes.js'
import { incidentsRoutes } from './incidents-routes.js'
import { instanceRoutes } from './instance-routes.js'
import { keyCustomersRoutes } from './key-customers-routes.js'
import { learningRoutes } from './learning-routes.js'
import { liveRoutes } from './live-routes.js'
import { maintenancesRoutes } from './maintenances-routes.js'
import { messagesRoutes } from './messages-routes.js'
import { oncallPagingRoutes } from './oncall-paging-routes.js'
import { oncallPublicRoutes } from './oncall-public-routes.js'
import { operationsRoutes } from './operations-routes.js'
import { oncallSchedulesRoutes } from './oncall-schedules-routes.js'
import { pagesRoutes } from './pages-routes.js'
import { processRoutes } from './process-routes.js'
import { statusPageRoutes } from './status-page-routes.js'
import { subscribeRoutes } from './subscribe-routes.js'
import { subscribersRoutes } from './subscribers-routes.js'
import { templatesRoutes } from './templates-routes.js'

/** Routes that need a signed-in user or API token; each feature adds one line. */
export const authenticatedRoutes: RouteModule[] = [
  accountsRoutes,
  pagesRoutes,
  componentsRoutes,
  incidentsRoutes,
  maintenancesRoutes,
  alertsRoutes,
  processRoutes,
  learningRoutes,
  oncallSchedulesRoutes,
  oncallPagingRoutes,
  subscribersRoutes,
  keyCustomersRoutes,
  messagesRoutes,
  templatesRoutes,
  liveRoutes,
  instanceRoutes,
  importRoutes,
]

/** Routes anyone may call (status pages, intake with its own keys, health); each feature adds one line. */
export const publicRoutes: RouteModule[] = [
  authRoutes,
  healthRoutes,
  operationsRoutes,
  statusPageRoutes,
  alertIntakeRoutes,
  oncallPublicRoutes,
  subscribeRoutes,
  consoleRoutes,
]

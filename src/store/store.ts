import { accountsStore } from './accounts-store.js'
import { alertsStore } from './alerts-store.js'
import { brandVoiceStore } from './brand-voice-store.js'
import { componentGroupsStore, componentsStore } from './components-store.js'
import { contactTasksStore } from './contact-tasks-store.js'
import { deliveriesStore } from './deliveries-store.js'
import { importsStore } from './imports-store.js'
import { incidentsStore } from './incidents-store.js'
import { instanceSettingsStore } from './instance-settings-store.js'
import { integrationKeysStore, integrationsStore } from './integrations-store.js'
import { keyCustomersStore } from './key-customers-store.js'
import { learningStore } from './learning-store.js'
import { maintenancesStore } from './maintenances-store.js'
import { messagesStore } from './messages-store.js'
import { messageTemplatesStore } from './message-templates-store.js'
import { oncallStore } from './oncall-store.js'
import { orgAccountsStore } from './org-accounts-store.js'
import { organisationsStore } from './organisations-store.js'
import { pagesStore, publicPagesStore } from './pages-store.js'
import { processStore } from './process-store.js'
import { routingRulesStore } from './routing-rules-store.js'
import { runTransaction, type TransactionLimits } from './run-transaction.js'
import { routingTimersStore } from './routing-timers-store.js'
import type { Db, Executor } from './schema/index.js'
import { subscribersStore } from './subscribers-store.js'
import { tokensStore } from './tokens-store.js'

/**
 * Tenant isolation lives here, not in routes: app code reaches tenant data only through
 * `forOrg(orgId)`, whose every query carries that org_id.
 */
export function orgStore(db: Executor, orgId: string) {
  return {
    orgId,
    pages: pagesStore(db, orgId),
    groups: componentGroupsStore(db, orgId),
    components: componentsStore(db, orgId),
    incidents: incidentsStore(db, orgId),
    maintenances: maintenancesStore(db, orgId),
    accounts: orgAccountsStore(db, orgId),
    process: processStore(db, orgId),
    oncall: oncallStore(db, orgId),
    subscribers: subscribersStore(db, orgId),
    deliveries: deliveriesStore(db, orgId),
    integrations: integrationsStore(db, orgId),
    alerts: alertsStore(db, orgId),
    routingRules: routingRulesStore(db, orgId),
    /** The one outbox: every message that leaves Candor for this organisation. */
    messages: messagesStore(db, orgId),
    routingTimers: routingTimersStore(db, orgId),
    /** External refs of imports (`source:kind:id` → row), and people by email. */
    imports: importsStore(db, orgId),
    learning: learningStore(db, orgId),
    /** The organisation's own message templates and brand voice (migration 0017). */
    templates: messageTemplatesStore(db, orgId),
    brandVoice: brandVoiceStore(db, orgId),
    keyCustomers: keyCustomersStore(db, orgId),
    contactTasks: contactTasksStore(db, orgId),
  }
}
export type OrgStore = ReturnType<typeof orgStore>

export interface StoreOptions {
  /** The database lives in this process with one connection (PGlite). */
  embedded?: boolean
  /** The longest any transaction may stay open (default 15 s). */
  transactionTimeoutMs?: number
  logger?: { error(fields: object, message: string): void }
}

export const defaultTransactionTimeoutMs = 15_000

export function createStore(db: Db, options: StoreOptions = {}) {
  const limits: TransactionLimits = {
    timeoutMs: options.transactionTimeoutMs ?? defaultTransactionTimeoutMs,
    ...(options.logger ? { logger: options.logger } : {}),
  }
  /** A transaction that is not one tenant's (a worker claiming across organisations); named for the log. */
  const run = <T>(name: string | undefined, fn: (trx: Executor) => Promise<T>) => runTransaction(db, limits, name, fn)
  return {
    db,
    embedded: options.embedded === true,
    forOrg: (orgId: string) => orgStore(db, orgId),
    /** One transaction; the callback gets the same scoped store bound to it. */
    transaction: <T>(orgId: string, fn: (tx: OrgStore, raw: Executor) => Promise<T>, name?: string) =>
      runTransaction(db, limits, name, (trx) => fn(orgStore(trx, orgId), trx), orgId),
    run,
    organisations: { ...organisationsStore(db), bind: (trx: Executor) => organisationsStore(trx) },
    tokens: tokensStore(db),
    accounts: accountsStore(db, run),
    instanceSettings: instanceSettingsStore(db),
    publicPages: publicPagesStore(db),
    integrationKeys: integrationKeysStore(db),
  }
}
export type Store = ReturnType<typeof createStore>

import { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import type { Executor } from '../store/schema/index.js'
import type { Store } from '../store/store.js'
import type { AccountsOptions } from './accounts/accounts-options.js'
import type { IntakeRuntime } from './intake/intake-runtime.js'
import type { SubscriberSettings } from './subscribers/subscriber-settings.js'

export const roles = ['owner', 'admin', 'responder', 'communicator', 'viewer'] as const
export type Role = (typeof roles)[number]

export interface Actor {
  kind: 'token' | 'user' | 'system'
  id: string
  name: string
}

/** Whether a role (with a token's scopes) may do an action: the documented matrix, handed in by the wiring. */
export type PermissionCheck = (role: Role, action: string, scopes: string[] | null) => boolean

/** Who acts, for which organisation, and when: every use case gets one. */
export interface AppContext {
  orgId: string
  actor: Actor
  role: Role
  /** Token scopes (null: everything the role allows). */
  scopes: string[] | null
  /** The check `requirePermission` applies to this actor. */
  permissions: PermissionCheck
  now: Date
  ip?: string
  userAgent?: string
}

/** What changed on an incident, for live consoles: `opened`, `process`, `update`, `delivery`, `alert_attached`… */
export type IncidentChangeKind =
  | 'opened'
  | 'process'
  | 'edited'
  | 'update'
  | 'delivery'
  | 'alert_attached'
  | 'alert_acknowledged'
  | 'deleted'
  | 'postmortem'

export interface ChangeEvents {
  'page.changed': [{ orgId: string; pageId: string | null }]
  'incident.changed': [{ orgId: string; incidentId: string; pageId: string | null; kind?: IncidentChangeKind }]
  /** Alerts were received or changed (intake, acknowledge); emitted after commit. */
  'alert.changed': [{ orgId: string; alertIds: string[]; kind: 'received' | 'acknowledged' | 'attached' }]
}

export class AppEvents extends EventEmitter<ChangeEvents> {}

export interface IncidentUpdatePublished {
  incident: {
    id: string
    org_id: string
    page_id: string | null
    title: string
    status: string
    is_drill: boolean
    severity: number
    impact: string
  }
  update: { id: string; status: string; body: string; body_technical: string | null; deliver_notifications: boolean }
  previousStatus: string | null
  componentIds: string[]
  /** 'process': the incident process published it and has already recorded it. */
  origin: 'incidents-api' | 'process'
}

export interface AlertPageRequest {
  escalationPolicyId: string
  alert: { id: string; integration_id: string; dedup_key: string; summary: string; severity: string; source: string }
  incidentId: string | null
  /** What the page says, when not the alert's summary (an incident's title). */
  summary?: string
  /** Alerts with the same key page once: later ones join the open page of their group. */
  groupKey?: string
}

/** An alert's source says it was acknowledged or resolved; whatever it paged should follow. */
export interface AlertStatusChanged {
  alertId: string
  status: 'acknowledged' | 'resolved'
}

type TxHook<E> = (tx: Executor, ctx: AppContext, event: E) => Promise<void>

/**
 * Features plug in here instead of editing the use cases: each hook runs inside the
 * same transaction as the change, so an outbox row is written with it or not at all.
 */
export interface AppHooks {
  incidentUpdatePublished: TxHook<IncidentUpdatePublished>[]
  /**
   * A routing rule asked to page an escalation policy for an alert; on-call answers with the page
   * id, or null when nobody was paged.
   */
  alertPageRequested: ((
    tx: Executor,
    ctx: AppContext,
    request: AlertPageRequest,
  ) => Promise<string | null | undefined>)[]
  /** Intake recorded an acknowledge or resolve from the alert's source, inside the intake transaction. */
  alertStatusChanged: TxHook<AlertStatusChanged>[]
}

/** Tells the outbound pipeline there are new rows (after commit); other nodes find them on their next poll. */
export interface OutboxSignal {
  wake(): void
}

/** Everything a use case may use, built once by the wiring (src/wiring/) and passed in. */
export interface AppDeps {
  store: Store
  events: AppEvents
  hooks: AppHooks
  logger: Logger
  baseUrl: string
  /** Signs links, cookies and tokens; CANDOR_SECRET or generated once per installation and kept in the database. */
  secret: string
  clock: () => Date
  permissions: PermissionCheck
  accounts: AccountsOptions
  subscribers: SubscriberSettings
  outbox: OutboxSignal
  intake: IntakeRuntime
}

export function createHooks(): AppHooks {
  return { incidentUpdatePublished: [], alertPageRequested: [], alertStatusChanged: [] }
}

/** The system acts on decisions already taken (a timer, a routing rule): nothing to check. */
const systemPermissions: PermissionCheck = () => true

export function systemContext(orgId: string, now: Date, name = 'system'): AppContext {
  return {
    orgId,
    actor: { kind: 'system', id: name, name },
    role: 'owner',
    scopes: null,
    permissions: systemPermissions,
    now,
  }
}

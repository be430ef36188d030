import type { Generated } from 'kysely'
import type { CreatedAt, Json, NullableTimestamp, Timestamp } from './core.js'

export interface IntegrationsTable {
  id: Generated<string>
  org_id: string
  kind: string
  name: string
  key_hash: string
  key_hint: string
  config: Json<Record<string, unknown>>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface AlertsTable {
  id: Generated<string>
  org_id: string
  integration_id: string
  dedup_key: string
  status: string
  severity: string
  summary: string
  source: Generated<string>
  labels: Json<Record<string, string>>
  details: Json<Record<string, unknown>>
  last_payload: Json<unknown>
  event_count: Generated<number>
  fire_count: Generated<number>
  first_seen_at: Timestamp
  last_seen_at: Timestamp
  last_fired_at: Timestamp
  acknowledged_at: NullableTimestamp
  resolved_at: NullableTimestamp
  /** ISO timestamps (jsonb reads the same on both engines). */
  state_change_times: Json<string[]>
  is_flapping: Generated<boolean>
  disposition: Generated<string>
  routing: Json<Record<string, unknown>>
  incident_id: string | null
  /** One more on every write; batches of repeats check it (read it as `version::text`: int8 differs by engine). */
  version: Generated<string>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface AlertEventsTable {
  id: Generated<string>
  org_id: string
  integration_id: string
  alert_id: string | null
  dedup_key: string
  action: string
  change: string
  occurred_at: Timestamp
  received_at: Timestamp
  payload: Json<unknown>
}

export interface RoutingRulesTable {
  id: Generated<string>
  org_id: string
  name: string
  position: Generated<number>
  is_enabled: Generated<boolean>
  conditions: Json<unknown[]>
  actions: Json<unknown[]>
  continue_matching: Generated<boolean>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface RoutingIncidentsTable {
  org_id: string
  rule_id: string
  group_key: string
  incident_id: string
  opened_at: Timestamp
}

export interface RoutingTimersTable {
  alert_id: string
  org_id: string
  rule_id: string
  fire_count: number
  firing_since_at: Timestamp
  due_at: Timestamp
}

export interface IntakeRequestsTable {
  integration_id: string
  idempotency_key: string
  org_id: string
  received_at: Timestamp
}

export interface AlertTables {
  integrations: IntegrationsTable
  alerts: AlertsTable
  alert_events: AlertEventsTable
  routing_rules: RoutingRulesTable
  routing_incidents: RoutingIncidentsTable
  routing_timers: RoutingTimersTable
  intake_requests: IntakeRequestsTable
}

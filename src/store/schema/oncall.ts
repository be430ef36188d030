import type { Generated } from 'kysely'
import type { EscalationPolicy } from '../../domain/oncall/escalation-policy.js'
import type { Restriction } from '../../domain/oncall/schedule-types.js'
import type { CreatedAt, Json, NullableTimestamp, Timestamp } from './core.js'

export interface OncallSchedulesTable {
  id: Generated<string>
  org_id: string
  name: string
  description: Generated<string>
  time_zone: string
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface OncallLayersTable {
  id: Generated<string>
  org_id: string
  schedule_id: string
  position: number
  name: Generated<string>
  shift_unit: 'hours' | 'days' | 'weeks'
  shift_length: number
  start_at: Timestamp
  end_at: NullableTimestamp
  time_zone: string
  restrictions: Json<Restriction[]>
}

export interface OncallLayerParticipantsTable {
  org_id: string
  layer_id: string
  position: number
  user_id: string
}

export interface OncallOverridesTable {
  id: Generated<string>
  org_id: string
  schedule_id: string
  user_id: string
  replaces_user_id: string | null
  start_at: Timestamp
  end_at: Timestamp
  created_at: CreatedAt
}

export interface EscalationPoliciesTable {
  id: Generated<string>
  org_id: string
  name: string
  description: Generated<string>
  repeat_count: Generated<number>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface EscalationLevelsTable {
  org_id: string
  policy_id: string
  position: number
  ack_timeout_minutes: number
}

export interface EscalationTargetsTable {
  org_id: string
  policy_id: string
  /** null: the fallback. */
  level_position: number | null
  position: number
  schedule_id: string | null
  user_id: string | null
}

export interface OncallContactMethodsTable {
  id: Generated<string>
  org_id: string
  user_id: string
  kind: string
  address: Generated<string>
  delay_minutes: Generated<number>
  secret: string | null
  created_at: CreatedAt
}

export interface OncallPagesTable {
  id: Generated<string>
  org_id: string
  policy_id: string | null
  summary: string
  details: Generated<string>
  alert_id: string | null
  incident_id: string | null
  /** Set on a page opened for a group of alerts (hashed Alertmanager groupKey). */
  group_key: string | null
  status: 'triggered' | 'acknowledged' | 'resolved'
  level_index: number
  round: number
  is_exhausted: boolean
  due_at: NullableTimestamp
  policy_snapshot: Json<EscalationPolicy>
  acknowledged_by: string | null
  acknowledged_at: NullableTimestamp
  resolved_at: NullableTimestamp
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface OncallPageAlertsTable {
  page_id: string
  alert_id: string
  org_id: string
  attached_at: Timestamp
}

export interface OncallPageEventsTable {
  id: Generated<string | number>
  org_id: string
  page_id: string
  type: string
  actor: Generated<string>
  detail: Json<Record<string, unknown>>
  at: Timestamp
}

export interface OncallNotificationsTable {
  id: Generated<string>
  org_id: string
  page_id: string
  user_id: string
  contact_method_id: string | null
  kind: string
  address: Generated<string>
  level_index: number
  round: number
  is_fallback: Generated<boolean>
  status: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'cancelled'>
  due_at: Timestamp
  claimed_until: NullableTimestamp
  attempts: Generated<number>
  last_error: string | null
  sent_at: NullableTimestamp
  created_at: CreatedAt
}

export interface OncallLinkNoncesTable {
  nonce: string
  org_id: string
  page_id: string
  used_at: Timestamp
}

export interface OncallTables {
  oncall_schedules: OncallSchedulesTable
  oncall_layers: OncallLayersTable
  oncall_layer_participants: OncallLayerParticipantsTable
  oncall_overrides: OncallOverridesTable
  escalation_policies: EscalationPoliciesTable
  escalation_levels: EscalationLevelsTable
  escalation_targets: EscalationTargetsTable
  oncall_contact_methods: OncallContactMethodsTable
  oncall_pages: OncallPagesTable
  oncall_page_alerts: OncallPageAlertsTable
  oncall_page_events: OncallPageEventsTable
  oncall_notifications: OncallNotificationsTable
  oncall_link_nonces: OncallLinkNoncesTable
}

import type { Generated } from 'kysely'
import type { CreatedAt, Json, NullableTimestamp, Timestamp } from './core.js'

export interface ProcessSettingsTable {
  org_id: string
  triage_window_minutes: Generated<number>
  triage_reminder_minutes: Generated<number>
  takeover_minutes: Generated<number>
  cadence_reminder_minutes: Generated<number>
  cadence_escalate_minutes: Generated<number>
  freeze_min_severity: Generated<number>
  freeze_include_triage: Generated<boolean>
  freeze_webhook_url: string | null
  postmortem_reminder_days: Json<Record<string, number>> | null
  postmortem_required_from: number | null
  updated_at: CreatedAt
}

export interface CrisisTypesTable {
  org_id: string
  key: string
  name: string
  description: Generated<string>
  criteria: Json<{ id: string; text: string }[]>
  updated_at: CreatedAt
}

export interface StakeholderGroupsTable {
  org_id: string
  key: string
  name: string
  emails: Generated<string[]>
  webhook_url: string | null
  updated_at: CreatedAt
}

export interface StakeholderRulesTable {
  id: Generated<string>
  org_id: string
  crisis_type: string
  min_severity: Generated<number>
  groups: string[]
  events: string[] | null
  position: Generated<number>
}

export interface IncidentProcessesTable {
  incident_id: string
  org_id: string
  opened_at: Timestamp
  stood_down_at: NullableTimestamp
  closed_at: NullableTimestamp
  reopen_count: Generated<number>
  triage_started_at: Timestamp
  triage_decided_at: NullableTimestamp
  triage_reminded_at: NullableTimestamp
  triage_escalated_at: NullableTimestamp
  acknowledged_at: NullableTimestamp
  scope_published_at: NullableTimestamp
  last_public_update_at: NullableTimestamp
  cadence_minutes: number
  is_cadence_overridden: Generated<boolean>
  cadence_reminded_for: NullableTimestamp
  cadence_escalated_for: NullableTimestamp
  channels_used: Generated<string[]>
  freeze_since: NullableTimestamp
  next_timer_at: NullableTimestamp
  updated_at: CreatedAt
}

export interface IncidentCriteriaTable {
  incident_id: string
  org_id: string
  criterion_id: string
  is_met: boolean
  confirmed_at: Timestamp
  confirmed_by: string
}

export interface IncidentChecklistAnswersTable {
  incident_id: string
  org_id: string
  item: string
  answer: Json<Record<string, unknown>>
  answered_at: Timestamp
  answered_by: string
}

export interface IncidentRolesTable {
  incident_id: string
  org_id: string
  role: string
  primary_id: string | null
  primary_name: string | null
  backup_id: string | null
  backup_name: string | null
  assigned_at: Timestamp
}

export interface IncidentCheckInsTable {
  id: Generated<string>
  seq: Generated<string>
  incident_id: string
  org_id: string
  person_id: string
  person_name: string
  role: string
  checked_in_at: Timestamp
}

export interface IncidentShadowsTable {
  incident_id: string
  org_id: string
  person_id: string
  person_name: string
  shadowing: string | null
  joined_at: Timestamp
}

export interface IncidentPlaybooksTable {
  incident_id: string
  org_id: string
  playbook_key: string | null
  answers: Json<Record<string, boolean>>
}

export interface IncidentPlaybookTasksTable {
  incident_id: string
  org_id: string
  task_id: string
  done_at: Timestamp
  done_by: string
}

export interface IncidentTimelineTable {
  seq: Generated<string>
  id: Generated<string>
  incident_id: string
  org_id: string
  type: string
  at: Timestamp
  actor: Json<{ kind: string; id: string; name: string }>
  data: Json<Record<string, unknown>>
}

export interface MarketingFreezesTable {
  org_id: string
  is_frozen: boolean
  since: NullableTimestamp
  changed_at: Timestamp
}

export interface ProcessTables {
  process_settings: ProcessSettingsTable
  crisis_types: CrisisTypesTable
  stakeholder_groups: StakeholderGroupsTable
  stakeholder_rules: StakeholderRulesTable
  incident_processes: IncidentProcessesTable
  incident_criteria: IncidentCriteriaTable
  incident_checklist_answers: IncidentChecklistAnswersTable
  incident_roles: IncidentRolesTable
  incident_check_ins: IncidentCheckInsTable
  incident_shadows: IncidentShadowsTable
  incident_playbooks: IncidentPlaybooksTable
  incident_playbook_tasks: IncidentPlaybookTasksTable
  incident_timeline: IncidentTimelineTable
  marketing_freezes: MarketingFreezesTable
}

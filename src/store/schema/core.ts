import type { ColumnType, Generated } from 'kysely'

/** A timestamptz: read as Date, written as Date or ISO string, defaulted by the database. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>
export type Timestamp = ColumnType<Date, Date | string, Date | string>
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
/** jsonb columns are written through `json()` so arrays are not mistaken for PostgreSQL arrays. */
export type Json<T> = ColumnType<T, string | undefined, string>

export interface OrganisationsTable {
  id: Generated<string>
  slug: string
  name: string
  settings: Json<Record<string, unknown>>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface UsersTable {
  id: Generated<string>
  email: string
  name: Generated<string>
  /** May create, rename and delete organisations (migration 0014). */
  is_instance_admin: Generated<boolean>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface MembershipsTable {
  org_id: string
  user_id: string
  role: string
  created_at: CreatedAt
}

export interface ApiTokensTable {
  id: Generated<string>
  org_id: string
  user_id: string | null
  name: string
  token_hash: string
  role: string
  scopes: string[] | null
  created_at: CreatedAt
  last_used_at: NullableTimestamp
  expires_at: NullableTimestamp
  revoked_at: NullableTimestamp
}

export interface Branding {
  logoUrl?: string
  brandColor?: string
  supportUrl?: string
  url?: string
  [key: string]: unknown
}

export interface StatusPagesTable {
  id: Generated<string>
  org_id: string
  slug: string
  name: string
  locale: Generated<string>
  time_zone: Generated<string>
  branding: Json<Branding>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface StatusPageHostnamesTable {
  hostname: string
  page_id: string
  org_id: string
}

export interface ComponentGroupsTable {
  id: Generated<string>
  org_id: string
  page_id: string
  name: string
  description: string | null
  position: Generated<number>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface ComponentsTable {
  id: Generated<string>
  org_id: string
  page_id: string
  group_id: string | null
  name: string
  description: string | null
  status: Generated<string>
  position: Generated<number>
  showcase: Generated<boolean>
  only_show_if_degraded: Generated<boolean>
  start_date: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface ComponentStatusChangesTable {
  id: Generated<string>
  org_id: string
  component_id: string
  old_status: string | null
  new_status: string
  incident_id: string | null
  changed_at: CreatedAt
}

export interface IncidentsTable {
  id: Generated<string>
  org_id: string
  page_id: string | null
  title: string
  type: Generated<string>
  severity: Generated<number>
  status: string
  impact: Generated<string>
  /** True when a communicator chose `impact`; otherwise customers see what the components say. */
  impact_chosen: Generated<boolean>
  who_is_affected: Generated<string | null>
  expected_duration: Generated<string | null>
  workaround: Generated<string | null>
  /** Where customers get help meanwhile (an address, a URL, a phone number). */
  contact: Generated<string | null>
  response_time_minutes: Generated<number | null>
  third_party_provider: Generated<string | null>
  /** Whether the status page names the provider; other channels never do. */
  show_provider_on_page: Generated<boolean>
  is_drill: Generated<boolean>
  started_at: CreatedAt
  declared_at: NullableTimestamp
  identified_at: NullableTimestamp
  monitoring_at: NullableTimestamp
  resolved_at: NullableTimestamp
  created_by: string | null
  /** The playbook a routing rule chose; null: the one of the crisis type. */
  playbook_key: string | null
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface AffectedComponent {
  code: string
  name: string
  old_status: string
  new_status: string
}

export interface IncidentUpdatesTable {
  id: Generated<string>
  org_id: string
  incident_id: string
  status: string
  body: string
  body_technical: string | null
  affected_components: Json<AffectedComponent[]>
  deliver_notifications: Generated<boolean>
  created_by: string | null
  display_at: CreatedAt
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface IncidentComponentsTable {
  org_id: string
  incident_id: string
  component_id: string
}

export interface ScheduledMaintenancesTable {
  id: Generated<string>
  org_id: string
  page_id: string
  title: string
  body: Generated<string>
  status: Generated<string>
  scheduled_for: Timestamp
  scheduled_until: Timestamp
  recurrence: string | null
  started_at: NullableTimestamp
  completed_at: NullableTimestamp
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface MaintenanceUpdatesTable {
  id: Generated<string>
  org_id: string
  maintenance_id: string
  status: string
  body: string
  created_at: CreatedAt
}

export interface MaintenanceComponentsTable {
  org_id: string
  maintenance_id: string
  component_id: string
}

export interface InstanceSettingsTable {
  key: string
  value: string
  created_at: CreatedAt
}

export interface CoreTables {
  instance_settings: InstanceSettingsTable
  organisations: OrganisationsTable
  users: UsersTable
  memberships: MembershipsTable
  api_tokens: ApiTokensTable
  status_pages: StatusPagesTable
  status_page_hostnames: StatusPageHostnamesTable
  component_groups: ComponentGroupsTable
  components: ComponentsTable
  component_status_changes: ComponentStatusChangesTable
  incidents: IncidentsTable
  incident_updates: IncidentUpdatesTable
  incident_components: IncidentComponentsTable
  scheduled_maintenances: ScheduledMaintenancesTable
  maintenance_updates: MaintenanceUpdatesTable
  maintenance_components: MaintenanceComponentsTable
}

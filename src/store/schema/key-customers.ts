import type { ColumnType, Generated } from 'kysely'
import type { Json, NullableTimestamp, Timestamp } from './core.js'

export interface KeyCustomersTable {
  id: Generated<string>
  org_id: string
  name: string
  notify_within_minutes: number
  channel: string
  contacts: Json<{ name: string; email: string | null; phone: string | null }[]>
  /** numeric: read it as `mrr::float8` (the drivers disagree on its type). */
  mrr: ColumnType<unknown, number | null | undefined, number | null>
  is_affected_by_every_incident: Generated<boolean>
  notes: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface KeyCustomerComponentsTable {
  key_customer_id: string
  component_id: string
  org_id: string
}

export interface ContactTasksTable {
  id: Generated<string>
  org_id: string
  incident_id: string
  key_customer_id: string | null
  customer_name: string
  channel: string
  notify_within_minutes: number
  holder_id: string | null
  holder_name: string | null
  state: Generated<string>
  ticket_id: string | null
  deadline_at: Timestamp
  done_at: NullableTimestamp
  done_by: string | null
  overdue_alerted_at: NullableTimestamp
  alert_due_at: NullableTimestamp
  created_at: Timestamp
  updated_at: Timestamp
}

export interface KeyCustomerTables {
  key_customers: KeyCustomersTable
  key_customer_components: KeyCustomerComponentsTable
  contact_tasks: ContactTasksTable
}

import type { Generated } from 'kysely'
import type { CreatedAt, Json, NullableTimestamp, Timestamp } from './core.js'

export interface SubscribersTable {
  id: Generated<string>
  org_id: string
  page_id: string
  channel: string
  address: string
  address_key: string
  locale: string | null
  audience: Generated<string>
  component_ids: Generated<string[]>
  state: Generated<string>
  secret: string | null
  source: Generated<string>
  confirmation_expires_at: NullableTimestamp
  confirmation_sent_at: NullableTimestamp
  confirmed_at: NullableTimestamp
  unsubscribed_at: NullableTimestamp
  disabled_at: NullableTimestamp
  disabled_reason: string | null
  consecutive_failures: Generated<number>
  failing_since: NullableTimestamp
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface DeliveryBatchesTable {
  id: Generated<string>
  org_id: string
  page_id: string
  update_id: string
  channel: string
  batch_no: string
  acked_upto: Generated<string>
  state: Generated<string>
  claims: Generated<number>
  next_attempt_at: Timestamp
  locked_until: NullableTimestamp
  created_at: CreatedAt
  updated_at: CreatedAt
}

/** Ids are bigint: read them as text (`id::text`), since the two drivers return int8 differently. */
export interface DeliveriesTable {
  id: Generated<string>
  org_id: string | null
  page_id: string | null
  subscriber_id: string | null
  /** The recipient of a message that has no subscriber (a notice, a page, an account mail). */
  address: string | null
  content: Json<Record<string, unknown>> | null
  source_id: string | null
  error_class: string | null
  channel: string
  kind: Generated<string>
  update_id: string | null
  incident_id: string | null
  stage: string | null
  batch_no: string | null
  status: Generated<string>
  attempts: Generated<number>
  next_attempt_at: Timestamp
  locked_until: NullableTimestamp
  last_error: string | null
  sent_at: NullableTimestamp
  failed_at: NullableTimestamp
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface SubscriberTables {
  subscribers: SubscribersTable
  deliveries: DeliveriesTable
  delivery_batches: DeliveryBatchesTable
}

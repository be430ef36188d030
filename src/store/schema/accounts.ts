import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, NullableTimestamp, Timestamp } from './core.js'

/** jsonb that may be null, written through `json()`. */
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>

export interface UserCredentialsTable {
  user_id: string
  password_hash: string
  updated_at: CreatedAt
}

export interface SignInFailuresTable {
  email: string
  failures: number
  last_failure_at: Timestamp
}

export interface SessionsTable {
  id: Generated<string>
  user_id: string
  org_id: string
  token_hash: string
  created_at: CreatedAt
  last_seen_at: CreatedAt
  expires_at: Timestamp
  revoked_at: NullableTimestamp
  ip: string | null
  user_agent: string | null
}

export interface InvitationsTable {
  id: Generated<string>
  org_id: string
  email: string
  role: string
  nonce: string
  invited_by: string | null
  created_at: CreatedAt
  expires_at: Timestamp
  accepted_at: NullableTimestamp
  revoked_at: NullableTimestamp
}

export interface UsedLinkNoncesTable {
  nonce: string
  purpose: string
  used_at: CreatedAt
  expires_at: Timestamp
}

export interface AuditLogTable {
  id: Generated<string>
  /** bigint identity: read it as text (`seq::text`), never written. */
  seq: ColumnType<string, never, never>
  org_id: string
  occurred_at: Timestamp
  actor_kind: string
  actor_id: string
  actor_name: string
  action: string
  object_type: string | null
  object_id: string | null
  ip: string | null
  user_agent: string | null
  before: NullableJson
  after: NullableJson
}

export interface AccountTables {
  user_credentials: UserCredentialsTable
  sign_in_failures: SignInFailuresTable
  sessions: SessionsTable
  invitations: InvitationsTable
  used_link_nonces: UsedLinkNoncesTable
  audit_log: AuditLogTable
}

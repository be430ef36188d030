import type { ColumnType, Generated } from 'kysely'
import type { Json, NullableTimestamp, Timestamp } from './core.js'

/** A calendar date: written as 'YYYY-MM-DD'; read it through `to_char` (the drivers disagree on its type). */
type CalendarDate = ColumnType<unknown, string | null | undefined, string | null>

export interface PostmortemsTable {
  incident_id: string
  org_id: string
  internal: Json<Record<string, string>>
  public: Json<Record<string, string>>
  published: ColumnType<Record<string, string> | null, string | null | undefined, string | null>
  first_published_at: NullableTimestamp
  published_at: NullableTimestamp
  published_by: string | null
  revision: Generated<number>
  created_at: Timestamp
  created_by: string
  updated_at: Timestamp
  updated_by: string
}

export interface ContributingFactorsTable {
  id: Generated<string>
  incident_id: string
  org_id: string
  category: string
  area: string | null
  note: string | null
  position: number
}

export interface PostmortemFollowupsTable {
  incident_id: string
  org_id: string
  remind_at: NullableTimestamp
  reminded_at: NullableTimestamp
  skipped_reason: string | null
  skipped_by: string | null
  skipped_at: NullableTimestamp
  updated_at: Timestamp
}

export interface ActionItemsTable {
  id: Generated<string>
  org_id: string
  incident_id: string
  title: string
  owner_id: string | null
  owner_name: string | null
  due_on: CalendarDate
  state: Generated<string>
  tags: Generated<string[]>
  created_at: Timestamp
  created_by: string
  updated_at: Timestamp
  closed_at: NullableTimestamp
  reminded_at: NullableTimestamp
  next_reminder_at: NullableTimestamp
}

export interface ScorecardTicksTable {
  incident_id: string
  org_id: string
  item_key: string
  status: string
  note: string | null
  ticked_by_id: string
  ticked_by_name: string
  ticked_at: Timestamp
}

export interface LearningTables {
  postmortems: PostmortemsTable
  contributing_factors: ContributingFactorsTable
  postmortem_followups: PostmortemFollowupsTable
  action_items: ActionItemsTable
  scorecard_ticks: ScorecardTicksTable
}

import type { CreatedAt } from './core.js'

/** Which Candor row each imported object became (`source:kind:id` → row), so re-runs update it. */
export interface ExternalRefsTable {
  org_id: string
  external_key: string
  kind: string
  local_id: string
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface ImportRunsTable {
  org_id: string
  source: string
  started_at: Date
}

export interface ImportTables {
  external_refs: ExternalRefsTable
  import_runs: ImportRunsTable
}

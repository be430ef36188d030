/** The shapes the console reads from the JSON API (see /api/openapi.json); only the fields it shows. */

export interface Me {
  user: { id: string; email: string; name: string } | null
  organisation: { id: string; name: string; slug: string } | null
  role: string
  permissions: string[]
  csrf_token: string | null
}

export type IncidentStatus =
  | 'triage'
  | 'declared'
  | 'stood_down'
  | 'investigating'
  | 'identified'
  | 'monitoring'
  | 'resolved'
  | 'postmortem_published'
  | 'closed'

export type ComponentStatus =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance'

export type Impact = 'none' | 'minor' | 'major' | 'critical'

export interface AffectedComponent {
  code: string
  name: string
  new_status: ComponentStatus
  old_status: ComponentStatus
}

export interface IncidentUpdate {
  id: string
  status: IncidentStatus
  body: string
  body_technical: string | null
  affected_components: AffectedComponent[]
  created_by: string
  display_at: string
}

export interface Incident {
  id: string
  page_id: string | null
  title: string
  type: string
  severity: number
  status: IncidentStatus
  impact: Impact
  is_drill: boolean
  started_at: string
  resolved_at: string | null
  component_ids: string[]
  updates: IncidentUpdate[]
}

export interface TimelineEntry {
  id: string
  type: string
  at: string
  actor?: { id: string; kind: string; name: string }
  [detail: string]: unknown
}

export interface Component {
  id: string
  page_id: string
  group_id: string | null
  name: string
  description: string | null
  status: ComponentStatus
  position: number
}

export interface ComponentGroup {
  id: string
  page_id: string
  name: string
  position: number
}

export interface StatusPage {
  id: string
  slug: string
  name: string
}

export interface SeverityLevel {
  level: number
  name: string
  description: string
}

export interface OnCallNow {
  schedule_id: string
  schedule_name: string
  user_id: string | null
  until: string | null
}

export interface Member {
  id: string
  email: string
  name: string
  role: string
}

export interface OncallPage {
  id: string
  escalation_policy_name: string
  summary: string
  status: 'triggered' | 'acknowledged' | 'resolved'
  level: number
  acknowledged_by: string | null
  acknowledged_at: string | null
  created_at: string
}

export interface Alert {
  id: string
  dedup_key: string
  status: string
  severity: string
  summary: string
  source: string
  event_count: number
  first_seen_at: string
  last_seen_at: string
  incident_id: string | null
}

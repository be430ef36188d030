import type { PostmortemSection, PostmortemSections } from '../../domain/postmortem/postmortem-sections'

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

export interface Person {
  id: string
  name: string
}

/** GET /api/incidents/:id/process (src/app/process/process-view.ts): every step's state, what is missing and due. */
export interface ProcessState {
  incident_id: string
  title: string
  crisis_type: { key: string; name: string }
  severity: { level: number; name: string }
  status: IncidentStatus
  is_drill: boolean
  triage: { started_at: string; deadline_at: string | null; decided_at: string | null }
  criteria: { items: { id: string; text: string; is_met: boolean | null }[]; is_satisfied: boolean }
  checklist: {
    answers: Record<string, unknown>
    missing: { item: string; message: string }[]
    is_complete: boolean
  }
  roles: {
    role: string
    name: string
    primary: Person | null
    backup: Person | null
    has_checked_in: boolean
  }[]
  check_ins: { person: Person; role: string; at: string }[]
  playbook: {
    key: string
    name: string
    tasks: { id: string; role: string; text: string; stage: string; is_done: boolean }[]
  } | null
  cadence: {
    minutes: number
    last_public_update_at: string | null
    next_update_due_at: string | null
  }
  acknowledged_at: string | null
  scope_published_at: string | null
  channels_used: string[]
}

/** GET /api/alerts/:id: the alert as the monitoring sent it, with where to look next and its incident. */
export interface AlertDetail extends Alert {
  labels?: Record<string, string>
  annotations?: Record<string, string>
  runbook_url?: string | null
  links?: { href: string; text: string }[]
  acknowledged_at?: string | null
  incident?: { id: string; title: string; status: string } | null
}

export type { PostmortemSection, PostmortemSections } from '../../domain/postmortem/postmortem-sections'

export interface ContributingFactor {
  category: string
  area: string | null
  note: string | null
}

export interface ActionItem {
  id: string
  incident: { id: string; title: string; status: IncidentStatus; is_drill: boolean }
  title: string
  owner: { id: string | null; name: string | null } | null
  due_on: string | null
  state: 'open' | 'done' | 'cancelled'
  is_overdue: boolean
  tags: string[]
  created_at: string
  closed_at: string | null
}

export interface Postmortem {
  incident_id: string
  revision: number
  internal: PostmortemSections
  public: PostmortemSections
  public_missing: PostmortemSection[]
  published: {
    sections: PostmortemSections
    first_published_at: string
    published_at: string
    published_by: string
    has_unpublished_changes: boolean
  } | null
  contributing_factors: ContributingFactor[]
  action_items: ActionItem[]
  follow_up: {
    is_required: boolean
    remind_at: string | null
    reminded_at: string | null
    skipped: { reason: string; by: string; at: string } | null
  }
  updated_at: string
  updated_by: string
}

export type ScorecardStatus = 'met' | 'missed' | 'open' | 'not_applicable'

export interface ScorecardTally {
  met: number
  missed: number
  open: number
  not_applicable: number
  percent: number | null
}

export interface ScorecardItem {
  key: string
  role: string
  role_name: string
  title: string
  scored_by: 'timeline' | 'reviewer'
  status: ScorecardStatus
  detail: string
  automatic: { status: ScorecardStatus; detail: string } | null
  tick: { status: ScorecardStatus; note: string | null; by: { id: string; name: string }; at: string } | null
}

export interface Scorecard {
  incident: { id: string; title: string; status: IncidentStatus; is_drill: boolean }
  is_drill: boolean
  score: ScorecardTally
  is_complete: boolean
  missed_steps: { key: string; role: string; role_name: string; title: string; detail: string }[]
  by_role: ({ role: string; role_name: string } & ScorecardTally)[]
  items: ScorecardItem[]
}

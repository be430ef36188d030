import type { IncidentRole } from '../process/incident-roles.js'

/**
 * The process scorecard (the Zendesk seed): "a checklist of every important step of your
 * process, for each crisis role the tasks that person owns; score the response after every
 * crisis". Items the timeline can answer are scored from it; the rest are ticked by a reviewer.
 */
export interface ScorecardItemDef {
  key: string
  role: IncidentRole
  title: string
  /** `timeline`: scored automatically (a reviewer may still overrule it); `reviewer`: ticked by hand. */
  scoredBy: 'timeline' | 'reviewer'
}

const checkedIn = (role: IncidentRole): ScorecardItemDef => ({
  key: `${role}.checked_in`,
  role,
  title: 'Checked in within 10 minutes of being given the role',
  scoredBy: 'timeline',
})

export const scorecardItems: readonly ScorecardItemDef[] = [
  checkedIn('incident_lead'),
  {
    key: 'incident_lead.triage_in_time',
    role: 'incident_lead',
    title: 'Triage decided (declared or stood down) within its time-box',
    scoredBy: 'timeline',
  },
  {
    key: 'incident_lead.scope_gathered',
    role: 'incident_lead',
    title: 'Scope and impact gathered: every checklist question answered',
    scoredBy: 'timeline',
  },
  {
    key: 'incident_lead.support_team_updated',
    role: 'incident_lead',
    title: 'Kept the support team updated on the state of the incident',
    scoredBy: 'reviewer',
  },
  {
    key: 'incident_lead.record_kept',
    role: 'incident_lead',
    title: 'Kept the incident record: the timeline tells the whole story',
    scoredBy: 'reviewer',
  },
  checkedIn('support_on_call_manager'),
  {
    key: 'support_on_call_manager.staffing',
    role: 'support_on_call_manager',
    title: 'Support staffed for the extra volume (phone and ticket cover)',
    scoredBy: 'reviewer',
  },
  {
    key: 'support_on_call_manager.key_customers_contacted',
    role: 'support_on_call_manager',
    title: 'Key customers contacted within their SLA',
    scoredBy: 'timeline',
  },
  checkedIn('business_manager'),
  {
    key: 'business_manager.internal_postmortem',
    role: 'business_manager',
    title: 'Internal postmortem written with the confirmed facts',
    scoredBy: 'reviewer',
  },
  checkedIn('incident_manager'),
  {
    key: 'incident_manager.postmortem_published',
    role: 'incident_manager',
    title: 'Public postmortem published within 5 days of the resolution',
    scoredBy: 'timeline',
  },
  {
    key: 'incident_manager.response_reviewed',
    role: 'incident_manager',
    title: 'Response reviewed with this scorecard; gaps turned into action items',
    scoredBy: 'reviewer',
  },
  checkedIn('communications_lead'),
  {
    key: 'communications_lead.first_acknowledgement',
    role: 'communications_lead',
    title: 'First public acknowledgement within 15 minutes of the first alert',
    scoredBy: 'timeline',
  },
  {
    key: 'communications_lead.cadence_kept',
    role: 'communications_lead',
    title: 'Every update on the promised cadence',
    scoredBy: 'timeline',
  },
  {
    key: 'communications_lead.all_clear_sent',
    role: 'communications_lead',
    title: 'All-clear sent when the incident was resolved',
    scoredBy: 'timeline',
  },
]

export type ScorecardItemKey = string

export function scorecardItem(key: string): ScorecardItemDef | undefined {
  return scorecardItems.find((i) => i.key === key)
}

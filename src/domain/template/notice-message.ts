import { incidentRoleNames, isIncidentRole } from '../process/incident-roles.js'

/**
 * What the incident process tells people inside the organisation (responders, stakeholder
 * groups), as stored in the outbox row; rendered when it is sent, so the subject says in
 * words what happened and the message links to the incident.
 */
export interface NoticeContent {
  incidentTitle: string
  text: string
  isDrill: boolean
  /** role_notice: why this person is told. */
  reason?: string
  role?: string | null
  /** stakeholder_notice: what happened to the incident. */
  event?: string
  /** team_notice: the stage of the message the team hears. */
  stage?: string
}

export type NoticeKind = 'stakeholder_notice' | 'team_notice' | 'role_notice'

const events: Record<string, string> = {
  declared: 'Incident declared',
  stood_down: 'False alarm, stood down',
  severity_changed: 'Severity changed',
  resolved: 'Incident resolved',
}

const stages: Record<string, string> = {
  acknowledge: 'First acknowledgement',
  scope: 'Scope and impact',
  update: 'Update',
  all_clear: 'All clear',
  postmortem: 'Postmortem',
  cadence_change: 'Cadence change',
  stand_down: 'Stand-down',
}

function roleName(role: string | null | undefined): string {
  return role && isIncidentRole(role) ? incidentRoleNames[role] : 'responder'
}

function reasonLine(reason: string | undefined, role: string | null | undefined): string {
  switch (reason) {
    case 'role_assigned':
      return `You are ${roleName(role)}`
    case 'backup_takeover':
      return `You take over as ${roleName(role)}`
    case 'triage_reminder':
      return 'Triage decision due'
    case 'triage_escalation':
      return 'Triage decision overdue'
    case 'cadence_reminder':
      return 'Next update due soon'
    case 'cadence_overdue':
      return 'Update overdue'
    case 'postmortem_due':
      return 'Postmortem not started'
    case 'action_item_overdue':
      return 'Action item overdue'
    case 'contact_task_overdue':
      return 'Key customer not contacted in time'
    case 'contact_task_reminder':
      return 'Tell your key customers'
    default:
      return 'Your attention is needed'
  }
}

/** One line, no line breaks: the title is user input and a subject is a header. */
export function noticeSubject(kind: NoticeKind, content: NoticeContent): string {
  const title = content.incidentTitle.replace(/[\r\n]+/g, ' ').slice(0, 150)
  const what =
    kind === 'stakeholder_notice'
      ? (events[content.event ?? ''] ?? 'Incident news')
      : kind === 'team_notice'
        ? `${stages[content.stage ?? ''] ?? 'Message'} to the team`
        : reasonLine(content.reason, content.role)
  return `${content.isDrill ? '[DRILL] ' : ''}${what}: ${title}`
}

export function noticeText(content: NoticeContent, links: { incidentUrl: string; checkInUrl?: string | null }): string {
  const lines = [content.text, '', `Open the incident: ${links.incidentUrl}`]
  if (links.checkInUrl) {
    lines.push(
      '',
      `Check in as ${roleName(content.role)} (one click, works once, expires in 24 hours): ${links.checkInUrl}`,
    )
  }
  return lines.join('\n')
}

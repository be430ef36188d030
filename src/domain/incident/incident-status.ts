/**
 * The incident lifecycle (PRODUCT.md §3): triage decides whether it is a crisis at all;
 * only declared incidents reach customers. Public statuses may move back and forth
 * (an "identified" fix can fail), resolved can be re-opened, closed is final.
 */
export const incidentStatuses = [
  'triage',
  'declared',
  'stood_down',
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem_published',
  'closed',
] as const
export type IncidentStatus = (typeof incidentStatuses)[number]

export const activePublicStatuses = ['investigating', 'identified', 'monitoring'] as const
export type ActivePublicStatus = (typeof activePublicStatuses)[number]

/** The statuses an incident may be created in: by an alert or a person into triage, or straight to the public. */
export const initialIncidentStatuses = ['triage', 'investigating', 'identified', 'monitoring', 'resolved'] as const

const transitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triage: ['declared', 'stood_down'],
  declared: ['investigating', 'identified', 'monitoring', 'resolved'],
  stood_down: ['triage'],
  investigating: ['identified', 'monitoring', 'resolved'],
  identified: ['investigating', 'monitoring', 'resolved'],
  monitoring: ['investigating', 'identified', 'resolved'],
  resolved: ['investigating', 'identified', 'monitoring', 'postmortem_published', 'closed'],
  postmortem_published: ['closed'],
  closed: [],
}

export function isIncidentStatus(value: unknown): value is IncidentStatus {
  return typeof value === 'string' && (incidentStatuses as readonly string[]).includes(value)
}

/** Posting another update in the same active status is not a transition, and is always allowed. */
export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  if (from === to) return (activePublicStatuses as readonly string[]).includes(from)
  return transitions[from].includes(to)
}

export function nextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return transitions[from]
}

export function isOpen(status: IncidentStatus): boolean {
  return status === 'triage' || status === 'declared' || (activePublicStatuses as readonly string[]).includes(status)
}

export function isPublic(status: IncidentStatus): boolean {
  return !(status === 'triage' || status === 'declared' || status === 'stood_down')
}

export function isReopening(from: IncidentStatus, to: IncidentStatus): boolean {
  return from === 'resolved' && (activePublicStatuses as readonly string[]).includes(to)
}

/** The Statuspage v2 enum: investigating, identified, monitoring, resolved, postmortem. */
export function statuspageStatus(
  status: IncidentStatus,
): 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem' {
  switch (status) {
    case 'identified':
    case 'monitoring':
    case 'resolved':
      return status
    case 'postmortem_published':
      return 'postmortem'
    case 'closed':
    case 'stood_down':
      return 'resolved'
    default:
      return 'investigating'
  }
}

import type { IncidentStatus } from '../api/types'

/**
 * The lifecycle the API enforces (src/domain/incident/incident-status.ts), so dropdowns offer
 * only the moves it accepts. Keep in step with the domain's table.
 */
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

export const activePublicStatuses: IncidentStatus[] = ['investigating', 'identified', 'monitoring']

export function nextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return transitions[from]
}

/** The public statuses a message may set now: the current one (another update) and those it may move to. */
export function publicStatusesFrom(from: IncidentStatus): IncidentStatus[] {
  return activePublicStatuses.filter((s) => s === from || transitions[from].includes(s))
}

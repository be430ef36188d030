import { isIncidentStatus, isPublic } from '../incident/incident-status.js'
import type { MessageStage } from '../template/message-kinds.js'

/**
 * Which message an incident update sends to subscribers: the first public update is the
 * acknowledgement, resolving sends the all-clear, publishing the postmortem announces it;
 * anything private (triage, declared, stood down) or closed sends nothing.
 */
export function stageForUpdate(status: string, previousStatus: string | null): MessageStage | null {
  if (!isIncidentStatus(status) || !isPublic(status) || status === 'closed') return null
  if (status === 'resolved') return 'all_clear'
  if (status === 'postmortem_published') return 'postmortem'
  const wasPublic = previousStatus !== null && isIncidentStatus(previousStatus) && isPublic(previousStatus)
  return wasPublic ? 'update' : 'acknowledge'
}

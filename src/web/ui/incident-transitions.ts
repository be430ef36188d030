import { activePublicStatuses as domainActive, nextStatuses } from '../../domain/incident/incident-status'
import type { IncidentStatus } from '../api/types'

// The domain's own lifecycle table (pure TypeScript, bundled into the console), so dropdowns offer
// exactly the moves the API accepts.
export { nextStatuses }

export const activePublicStatuses: IncidentStatus[] = [...domainActive]

/** The public statuses a message may set now: the current one (another update) and those it may move to. */
export function publicStatusesFrom(from: IncidentStatus): IncidentStatus[] {
  return activePublicStatuses.filter((s) => s === from || nextStatuses(from).includes(s))
}

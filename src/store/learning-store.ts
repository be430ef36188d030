import { actionItemsStore } from './action-items-store.js'
import { postmortemsStore } from './postmortems-store.js'
import type { Executor } from './schema/index.js'
import { scorecardTicksStore } from './scorecard-ticks-store.js'

/** What the organisation learns after an incident: postmortems, action items, scorecard ticks. */
export function learningStore(db: Executor, orgId: string) {
  return {
    postmortems: postmortemsStore(db, orgId),
    actionItems: actionItemsStore(db, orgId),
    scorecardTicks: scorecardTicksStore(db, orgId),
  }
}
export type LearningStore = ReturnType<typeof learningStore>

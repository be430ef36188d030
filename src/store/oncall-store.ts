import { escalationPoliciesStore } from './escalation-policies-store.js'
import { oncallPagesStore } from './oncall-pages-store.js'
import { oncallPeopleStore } from './oncall-people-store.js'
import { oncallSchedulesStore } from './oncall-schedules-store.js'
import type { Executor } from './schema/index.js'

/** Everything on-call keeps for one organisation, under one name in `orgStore()`. */
export function oncallStore(db: Executor, orgId: string) {
  return {
    schedules: oncallSchedulesStore(db, orgId),
    policies: escalationPoliciesStore(db, orgId),
    people: oncallPeopleStore(db, orgId),
    pages: oncallPagesStore(db, orgId),
  }
}
export type OncallStore = ReturnType<typeof oncallStore>

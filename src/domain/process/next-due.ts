import { nextCadenceCheckAt } from '../cadence/cadence.js'
import { activePublicStatuses } from '../incident/incident-status.js'
import { nextTakeoverCheckAt } from './backup-takeover.js'
import type { ProcessIncident } from './incident-process.js'
import type { ProcessPolicy } from './process-policy.js'
import { nextTriageCheckAt } from './triage-timebox.js'

/**
 * The earliest moment a `tick` could change this incident, or null: the job table keeps it
 * as a due-at column, so a restart or a second node loses nothing.
 */
export function nextTimerDueAt(incident: ProcessIncident, policy: ProcessPolicy): Date | null {
  if (incident.status === 'closed' || incident.status === 'stood_down') return null
  const candidates: (Date | null)[] = [nextTakeoverCheckAt(incident.roles, incident.checkIns, policy.takeover)]
  if (incident.status === 'triage') candidates.push(nextTriageCheckAt(incident.triage, policy.triage))
  if ((activePublicStatuses as readonly string[]).includes(incident.status) && incident.lastPublicUpdateAt !== null) {
    candidates.push(
      nextCadenceCheckAt(
        {
          lastPublicUpdateAt: incident.lastPublicUpdateAt,
          cadenceMinutes: incident.cadenceMinutes,
          remindedForDueAt: incident.cadenceRemindedForDueAt,
          escalatedForDueAt: incident.cadenceEscalatedForDueAt,
        },
        policy.cadence,
      ),
    )
  }
  const times = candidates.filter((d): d is Date => d !== null).map((d) => d.getTime())
  return times.length === 0 ? null : new Date(Math.min(...times))
}

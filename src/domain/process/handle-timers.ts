import { cadenceActionsDue } from '../cadence/cadence.js'
import { activePublicStatuses } from '../incident/incident-status.js'
import { markDrill } from './drill.js'
import type { ApplyResult } from './process-commands.js'
import type { Change } from './process-change.js'
import { applyTakeovers } from './handle-people.js'
import { triageActionsDue, triageDeadline } from './triage-timebox.js'

/** Everything time makes due at `now`, each at most once; a tick with nothing due changes nothing. */
export function tick(change: Change): ApplyResult {
  triageTimers(change)
  cadenceTimers(change)
  if (change.incident.status !== 'stood_down') applyTakeovers(change)
  return change.done()
}

function triageTimers(change: Change): void {
  const { incident, ctx } = change
  if (incident.status !== 'triage') return
  const lead = change.holderOf('incident_lead')
  const deadlineAt = triageDeadline(incident.triage, ctx.policy.triage).toISOString()
  for (const action of triageActionsDue(incident.triage, ctx.policy.triage, ctx.now)) {
    if (action.kind === 'remind') {
      change
        .update({ triage: { ...change.incident.triage, remindedAt: ctx.now } })
        .record({ type: 'triage_reminder', deadlineAt })
      const text = `Triage of "${incident.title}" must be decided by ${deadlineAt}: declare or stand down.`
      change.intend({
        kind: 'notify_person',
        person: lead,
        role: 'incident_lead',
        reason: 'triage_reminder',
        text: markDrill(incident.isDrill, text),
        isDrill: incident.isDrill,
      })
    } else {
      change
        .update({ triage: { ...change.incident.triage, escalatedAt: ctx.now } })
        .record({ type: 'triage_escalated', to: lead, deadlineAt })
      const text =
        `Triage of "${incident.title}" is undecided past its ` +
        `${ctx.policy.triage.validationWindowMinutes}-minute window. Decide now.`
      change.intend({
        kind: 'notify_person',
        person: lead,
        role: 'incident_lead',
        reason: 'triage_escalation',
        text: markDrill(incident.isDrill, text),
        isDrill: incident.isDrill,
      })
    }
  }
}

function cadenceTimers(change: Change): void {
  const { incident, ctx } = change
  if (!(activePublicStatuses as readonly string[]).includes(incident.status) || incident.lastPublicUpdateAt === null)
    return
  const clock = {
    lastPublicUpdateAt: incident.lastPublicUpdateAt,
    cadenceMinutes: incident.cadenceMinutes,
    remindedForDueAt: incident.cadenceRemindedForDueAt,
    escalatedForDueAt: incident.cadenceEscalatedForDueAt,
  }
  const comms = change.holderOf('communications_lead')
  for (const action of cadenceActionsDue(clock, ctx.policy.cadence, ctx.now)) {
    const dueAt = action.dueAt.toISOString()
    if (action.kind === 'remind') {
      change.update({ cadenceRemindedForDueAt: action.dueAt })
      const text =
        `The next update on "${incident.title}" is due ` +
        `at ${dueAt}. No news is news: "We're still working on this."`
      change.intend({
        kind: 'notify_person',
        person: comms,
        role: 'communications_lead',
        reason: 'cadence_reminder',
        text: markDrill(incident.isDrill, text),
        isDrill: incident.isDrill,
      })
    } else {
      const lead = change.holderOf('incident_lead')
      change
        .update({ cadenceEscalatedForDueAt: action.dueAt })
        .record({ type: 'update_overdue', dueAt, escalatedTo: lead })
      const text = `The update on "${incident.title}" promised for ${dueAt} is overdue.`
      change.intend({
        kind: 'notify_person',
        person: lead,
        role: 'incident_lead',
        reason: 'cadence_overdue',
        text: markDrill(incident.isDrill, text),
        isDrill: incident.isDrill,
      })
    }
  }
}

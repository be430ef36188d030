import type { IncidentRole } from '../process/incident-roles.js'
import { samePerson } from '../process/people.js'
import { scopeChecklistQuestions } from '../process/scope-checklist.js'
import { cadenceKept } from './cadence-rule.js'
import { daysMs, durationText, minutesMs } from './duration-text.js'
import { met, missed, notApplicable, open, type Rule } from './rule-types.js'
import { allScopeItems } from './timeline-facts.js'

const after = (from: Date, to: Date) => durationText(Math.max(0, to.getTime() - from.getTime()))

/**
 * "Every member of the incident team checks in before doing anything else" (the Zendesk seed):
 * each person given the role checks in within the window. Someone relieved of the role before
 * their window ran out owed nothing.
 */
export function checkedIn(role: IncidentRole): Rule {
  return ({ facts, settings, now }) => {
    const within = minutesMs(settings.checkInWithinMinutes)
    const late: string[] = []
    const onTime: string[] = []
    let isWaiting = false
    for (const a of facts.assignments.filter((x) => x.role === role)) {
      const deadline = new Date(a.at.getTime() + within)
      const first = facts.checkIns.find((c) => samePerson(c.person, a.person))
      if (first && first.at <= deadline) onTime.push(`${a.person.name} after ${after(a.at, first.at)}`)
      else if (a.endedAt && a.endedAt < deadline && !(first && first.at <= a.endedAt)) continue
      else if (first) late.push(`${a.person.name} checked in ${after(a.at, first.at)} after being given the role`)
      else if (now > deadline) late.push(`${a.person.name} never checked in`)
      else isWaiting = true
    }
    if (late.length > 0) return missed(late.join('; '))
    if (isWaiting) return open(`Waiting for the check-in (within ${settings.checkInWithinMinutes} minutes)`)
    if (onTime.length === 0) return notApplicable('Nobody held this role')
    return met(`Checked in: ${onTime.join('; ')}`)
  }
}

export const triageInTime: Rule = ({ facts, settings, now }) => {
  if (!facts.wasInTriage) return notApplicable('Opened straight to the public: there was no triage to decide')
  const deadline = new Date(facts.openedAt.getTime() + minutesMs(settings.triageWindowMinutes))
  const box = `the time-box is ${settings.triageWindowMinutes} minutes`
  if (facts.triageDecidedAt) {
    const took = after(facts.openedAt, facts.triageDecidedAt)
    return facts.triageDecidedAt <= deadline
      ? met(`Decided after ${took}; ${box}`)
      : missed(`Decided after ${took}; ${box}`)
  }
  if (now > deadline) return missed(`Still undecided after ${after(facts.openedAt, now)}; ${box}`)
  return open(`Triage is running; ${box}`)
}

export const scopeGathered: Rule = ({ facts, incident }) => {
  if (facts.isStoodDown) return notApplicable('Stood down: there was no scope to publish')
  const missing = allScopeItems.filter((item) => !facts.scopeAnswered.has(item))
  if (missing.length === 0) return met('Every checklist question was answered')
  const questions = missing.map((item) => `"${scopeChecklistQuestions[item]}"`).join(', ')
  if (facts.resolvedAt !== null || incident.status === 'closed') return missed(`Never answered: ${questions}`)
  return open(`Not answered yet: ${questions}`)
}

export const keyCustomersContacted: Rule = ({ settings }) =>
  settings.hasKeyCustomers
    ? open('Key-customer contact is not on the timeline: a reviewer ticks it')
    : notApplicable('No key customers are set up, so there was nobody with an SLA to contact')

/** "As soon as possible after the incident occurs" (the seed's cadence): within a set time of the first alert. */
export const firstAcknowledgement: Rule = ({ facts, settings, now }) => {
  if (facts.isStoodDown) return notApplicable('Stood down: a false alarm is never announced')
  const limit = settings.firstAcknowledgementWithinMinutes
  const deadline = new Date(facts.firstAlertAt.getTime() + minutesMs(limit))
  const first = facts.publicMessages[0]
  if (first) {
    const took = after(facts.firstAlertAt, first.at)
    return first.at <= deadline
      ? met(`First public message ${took} after the first alert (within ${limit} minutes)`)
      : missed(`First public message ${took} after the first alert; the promise is ${limit} minutes`)
  }
  if (now > deadline) return missed(`Nothing published ${after(facts.firstAlertAt, now)} after the first alert`)
  return open(`Due within ${limit} minutes of the first alert, by ${deadline.toISOString()}`)
}

export const allClearSent: Rule = ({ facts, incident }) => {
  if (facts.isStoodDown) return notApplicable('Stood down: there was nothing to clear')
  const resolvedAt = facts.resolvedAt
  if (resolvedAt === null)
    return incident.status === 'triage' ? notApplicable('Still in triage') : open('Not resolved yet')
  const clear = facts.publicMessages.find((m) => m.stage === 'all_clear' && m.at >= resolvedAt)
  return clear
    ? met('The all-clear went out with the resolution')
    : missed('Resolved without an all-clear to customers')
}

export const postmortemPublished: Rule = ({ facts, settings, postmortemSkipped, now }) => {
  if (facts.isStoodDown) return notApplicable('Stood down: a false alarm needs no postmortem')
  if (postmortemSkipped) return notApplicable(`Postmortem skipped: ${postmortemSkipped.reason}`)
  const resolvedAt = facts.resolvedAt
  const days = settings.postmortemWithinDays
  if (resolvedAt === null) return open('Not resolved yet')
  const deadline = new Date(resolvedAt.getTime() + daysMs(days))
  const publishedAt = facts.postmortemPublishedAt
  if (publishedAt) {
    const took = after(resolvedAt, publishedAt)
    return publishedAt <= deadline
      ? met(`Published ${took} after the resolution (within ${days} days)`)
      : missed(`Published ${took} after the resolution; the promise is ${days} days`)
  }
  if (now > deadline) return missed(`Not published ${after(resolvedAt, now)} after the resolution`)
  return open(`Due by ${deadline.toISOString()}`)
}

/** The automatic rule of every item scored from the timeline. */
export const timelineRules: Record<string, Rule> = {
  'incident_lead.checked_in': checkedIn('incident_lead'),
  'incident_lead.triage_in_time': triageInTime,
  'incident_lead.scope_gathered': scopeGathered,
  'support_on_call_manager.checked_in': checkedIn('support_on_call_manager'),
  'support_on_call_manager.key_customers_contacted': keyCustomersContacted,
  'business_manager.checked_in': checkedIn('business_manager'),
  'incident_manager.checked_in': checkedIn('incident_manager'),
  'incident_manager.postmortem_published': postmortemPublished,
  'communications_lead.checked_in': checkedIn('communications_lead'),
  'communications_lead.first_acknowledgement': firstAcknowledgement,
  'communications_lead.cadence_kept': cadenceKept,
  'communications_lead.all_clear_sent': allClearSent,
}

import { activePublicStatuses, type IncidentStatus } from '../incident/incident-status.js'
import { isPublicAudience } from './drill.js'
import {
  describeScopeAnswer,
  missingScopeItems,
  scopeChecklistItems,
  scopeChecklistQuestions,
} from './scope-checklist.js'
import { reject, type ApplyResult, type ProcessCommand, type PublicStage } from './process-commands.js'
import type { Change } from './process-change.js'

type Cmd<T extends ProcessCommand['type']> = Extract<ProcessCommand, { type: T }>

const isActivePublic = (s: IncidentStatus) => (activePublicStatuses as readonly string[]).includes(s)

export function answerScope(change: Change, cmd: Cmd<'answer_scope'>): ApplyResult {
  if (!(scopeChecklistItems as readonly string[]).includes(cmd.item)) {
    return reject('VALIDATION', `Unknown checklist item ${cmd.item}`, [
      { path: 'item', message: `one of: ${scopeChecklistItems.join(', ')}` },
    ])
  }
  // An answer is checked on its own, so a complete checklist can never become incomplete again.
  const problem = missingScopeItems({ ...change.incident.scope, [cmd.item]: cmd.answer }).find(
    (m) => m.item === cmd.item,
  )
  if (problem)
    return reject('VALIDATION', `The answer to "${scopeChecklistQuestions[cmd.item]}" is incomplete`, [
      { path: `answer`, message: problem.message },
    ])
  change.update({ scope: { ...change.incident.scope, [cmd.item]: cmd.answer } })
  return change
    .record({ type: 'scope_answer', item: cmd.item, answer: describeScopeAnswer(cmd.item, cmd.answer) })
    .done()
}

function targetStatus(current: IncidentStatus, stage: PublicStage, requested?: IncidentStatus): IncidentStatus | null {
  if (stage === 'all_clear') return 'resolved'
  if (stage === 'postmortem') return 'postmortem_published'
  if (requested) return requested
  if (isActivePublic(current)) return current
  return current === 'declared' ? 'investigating' : null
}

/**
 * A public message. The first one (the acknowledgement) is never held back: "we are
 * investigating" is enough. Only the scope-and-impact message waits for the checklist.
 */
export function publish(change: Change, cmd: Cmd<'publish'>): ApplyResult {
  const { incident, ctx } = change
  if (incident.status === 'triage' || incident.status === 'stood_down') {
    return reject('INVALID_TRANSITION', 'Nothing is published before the crisis is declared', [
      { path: 'status', message: `the incident is ${incident.status}; declare it first` },
    ])
  }
  if (cmd.text.trim() === '')
    return reject('VALIDATION', 'A public message needs a text', [{ path: 'text', message: 'must not be empty' }])
  if (cmd.stage === 'scope') {
    const missing = missingScopeItems(incident.scope)
    if (missing.length > 0) {
      return reject(
        'VALIDATION',
        `The scope-and-impact message needs the checklist first: ` +
          `${missing.length} item${missing.length === 1 ? '' : 's'} missing`,
        missing.map((m) => ({ path: `scope.${m.item}`, message: m.message })),
      )
    }
  }
  const to = targetStatus(incident.status, cmd.stage, cmd.status)
  if (to === null) {
    return reject(
      'INVALID_TRANSITION',
      `A ${incident.status} incident takes no ${cmd.stage} message without a status`,
      [{ path: 'status', message: 'give a status to re-open it, or publish the postmortem' }],
    )
  }
  const channels = [
    ...new Set([...incident.channelsUsed, ...cmd.channels.map((c) => c.trim()).filter((c) => c !== '')]),
  ]
  if (channels.length === 0)
    return reject('VALIDATION', 'Name at least one channel', [{ path: 'channels', message: 'e.g. status_page, email' }])
  const moved = change.moveTo(to)
  if (moved) return moved
  const stage = cmd.stage === 'acknowledgement' && incident.acknowledgedAt !== null ? 'update' : cmd.stage
  change.sendMessage(stage, cmd.text, channels)
  change.update({
    channelsUsed: channels,
    acknowledgedAt: incident.acknowledgedAt ?? ctx.now,
    lastPublicUpdateAt: ctx.now,
    ...(cmd.stage === 'scope' ? { scopePublishedAt: incident.scopePublishedAt ?? ctx.now } : {}),
  })
  return change.done()
}

/** Delivery reports what actually went out: channel, audience and how many received it. */
export function recordMessage(change: Change, cmd: Cmd<'record_message'>): ApplyResult {
  if (change.incident.isDrill && isPublicAudience(cmd.audience)) {
    return reject('CONFLICT', 'A drill never reaches customers or a public page', [
      { path: 'audience', message: 'drill messages go to the team only' },
    ])
  }
  if (!Number.isInteger(cmd.recipientCount) || cmd.recipientCount < 0) {
    return reject('VALIDATION', 'The recipient count must be a whole number', [
      { path: 'recipientCount', message: 'must be ≥ 0' },
    ])
  }
  return change
    .record({
      type: 'message_sent',
      stage: cmd.stage,
      channel: cmd.channel,
      audience: cmd.audience,
      recipientCount: cmd.recipientCount,
      isDrill: change.incident.isDrill,
      ...(cmd.text !== undefined ? { text: cmd.text } : {}),
    })
    .done()
}

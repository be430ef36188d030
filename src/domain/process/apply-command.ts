import { qualifiesForFreeze } from './marketing-freeze.js'
import type { ProcessIncident } from './incident-process.js'
import {
  reject,
  type ApplyResult,
  type CommandContext,
  type ProcessCommand,
  type ProcessCommandType,
} from './process-commands.js'
import { Change } from './process-change.js'
import { answerScope, publish, recordMessage } from './handle-communication.js'
import { observeUpdate } from './handle-observed.js'
import { setCadence, setSeverity, transition } from './handle-lifecycle.js'
import { addShadow, assignRoleCommand, checkIn } from './handle-people.js'
import { addNote, answerQuestion, attachAlert, checkTask, recordDecision } from './handle-records.js'
import { tick } from './handle-timers.js'
import { confirmCriterion, declare, setCrisisType, standDown } from './handle-triage.js'

/** After a stand-down only the record and a return to triage make sense; the people have gone home. */
const allowedWhenStoodDown: readonly ProcessCommandType[] = [
  'transition',
  'observe_update',
  'add_note',
  'record_decision',
  'attach_alert',
  'tick',
  'record_message',
]

/**
 * The incident aggregate: one command, at one time, by one actor, gives the next state, the
 * timeline entries to append and the outbox intents to write, or a rejection and no change.
 */
export function applyCommand(incident: ProcessIncident, command: ProcessCommand, ctx: CommandContext): ApplyResult {
  if (incident.status === 'closed') {
    return reject('INVALID_TRANSITION', 'A closed incident is final', [{ path: 'status', message: 'closed' }])
  }
  if (incident.status === 'stood_down' && !allowedWhenStoodDown.includes(command.type)) {
    return reject(
      'INVALID_TRANSITION',
      `A stood-down incident takes no ${command.type.replace(/_/g, ' ')}; re-open triage first`,
      [{ path: 'status', message: 'stood_down' }],
    )
  }
  const result = dispatch(new Change(incident, ctx), command)
  return result.ok ? withFreeze(result, ctx) : result
}

function dispatch(change: Change, command: ProcessCommand): ApplyResult {
  switch (command.type) {
    case 'confirm_criterion':
      return confirmCriterion(change, command)
    case 'declare':
      return declare(change, command)
    case 'stand_down':
      return standDown(change, command)
    case 'set_crisis_type':
      return setCrisisType(change, command)
    case 'transition':
      return transition(change, command)
    case 'set_severity':
      return setSeverity(change, command)
    case 'set_cadence':
      return setCadence(change, command)
    case 'answer_scope':
      return answerScope(change, command)
    case 'publish':
      return publish(change, command)
    case 'record_message':
      return recordMessage(change, command)
    case 'assign_role':
      return assignRoleCommand(change, command)
    case 'check_in':
      return checkIn(change, command)
    case 'add_shadow':
      return addShadow(change, command)
    case 'answer_question':
      return answerQuestion(change, command)
    case 'check_task':
      return checkTask(change, command)
    case 'add_note':
      return addNote(change, command)
    case 'record_decision':
      return recordDecision(change, command)
    case 'attach_alert':
      return attachAlert(change, command)
    case 'observe_update':
      return observeUpdate(change, command)
    case 'tick':
      return tick(change)
  }
}

/** Keeps "frozen since" in step with the state, so the freeze flag needs no history scan. */
function withFreeze(result: Extract<ApplyResult, { ok: true }>, ctx: CommandContext): ApplyResult {
  const qualifies = qualifiesForFreeze(ctx.policy.freeze, result.incident)
  const freezeSince = qualifies ? (result.incident.freezeSince ?? ctx.now) : null
  if (freezeSince === result.incident.freezeSince) return result
  return { ...result, incident: { ...result.incident, freezeSince } }
}

import { parseInput } from '../parse-input.js'
import type { AppContext, AppDeps } from '../context.js'
import {
  answerQuestionInput,
  attachAlertInput,
  checklistAnswerInput,
  checklistCommand,
  checkTaskInput,
  decisionInput,
  noteInput,
} from './process-inputs.js'
import { runProcessCommand } from './run-process-command.js'

/** Step 4: the information checklist; "unknown" is an answer. */
export function answerChecklist(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  return runProcessCommand(
    deps,
    ctx,
    incidentId,
    'incident.update',
    checklistCommand(parseInput(checklistAnswerInput, raw)),
  )
}

export function answerPlaybookQuestion(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(answerQuestionInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'answer_question',
    questionId: input.question_id,
    answer: input.answer,
  })
}

export function checkPlaybookTask(deps: AppDeps, ctx: AppContext, incidentId: string, taskId: string, raw: unknown) {
  const input = parseInput(checkTaskInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'check_task',
    taskId,
    isDone: input.is_done,
  })
}

export function addNote(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(noteInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', { type: 'add_note', text: input.text })
}

export function recordDecision(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(decisionInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'record_decision',
    text: input.text,
    ...(input.rationale ? { rationale: input.rationale } : {}),
  })
}

export function attachAlert(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(attachAlertInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'attach_alert',
    alertId: input.alert_id,
    summary: input.summary,
    ...(input.source ? { source: input.source } : {}),
  })
}

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
import { announce, commitChange, loadForCommand, runProcessCommand } from './run-process-command.js'
import { processView } from './process-view.js'
import { requirePermission } from '../authorize.js'
import { AppError, conflict, invalid, notFound } from '../../domain/app-error.js'
import { applyCommand } from '../../domain/process/apply-command.js'

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

/**
 * Attaches an alert to an open incident: a received alert is linked to it (one incident per
 * alert) and its summary and source go on the timeline, in one transaction.
 */
export async function attachAlert(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  requirePermission(ctx, 'incident.update')
  const input = parseInput(attachAlertInput, raw)
  const { change, view, linked } = await deps.store.transaction(ctx.orgId, async (tx, rawTx) => {
    const found = await loadForCommand(tx, incidentId)
    if (!found) throw notFound('Incident')
    const alert = uuidPattern.test(input.alert_id) ? await tx.alerts.getForRouting(input.alert_id) : undefined
    if (alert?.incident_id && alert.incident_id !== incidentId)
      throw conflict('The alert is on another incident', [
        { path: 'alert_id', message: `attached to incident ${alert.incident_id}` },
      ])
    const summary = input.summary ?? alert?.summary
    if (!summary)
      throw invalid('The request is invalid', [
        { path: 'summary', message: 'no alert with this id was received here: give its summary' },
      ])
    const source = input.source ?? alert?.source
    const result = applyCommand(
      found.current,
      { type: 'attach_alert', alertId: input.alert_id, summary, ...(source ? { source } : {}) },
      { now: ctx.now, actor: ctx.actor, policy: found.policy },
    )
    if (!result.ok) throw new AppError(result.rejection.code, result.rejection.message, result.rejection.details)
    if (alert && alert.incident_id === null) await tx.alerts.attachIncident([alert.id], incidentId)
    const change = await commitChange(deps, ctx, tx, rawTx, found.policy, found.previous, result)
    return { change, view: processView(change.process, found.policy), linked: alert ? [alert.id] : [] }
  })
  announce(deps, ctx, change, 'alert_attached')
  if (linked.length > 0) deps.events.emit('alert.changed', { orgId: ctx.orgId, alertIds: linked, kind: 'attached' })
  return view
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

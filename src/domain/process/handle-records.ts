import { checklistFor, questionsOf, type Playbook } from './playbook.js'
import { reject, type ApplyResult, type ProcessCommand } from './process-commands.js'
import type { Change } from './process-change.js'
import { criteriaQuestionId } from './handle-triage.js'

type Cmd<T extends ProcessCommand['type']> = Extract<ProcessCommand, { type: T }>

const empty = (path: string) =>
  reject('VALIDATION', `The ${path} must not be empty`, [{ path, message: 'must not be empty' }])

export function addNote(change: Change, cmd: Cmd<'add_note'>): ApplyResult {
  if (cmd.text.trim() === '') return empty('text')
  return change.record({ type: 'note', text: cmd.text }).done()
}

export function recordDecision(change: Change, cmd: Cmd<'record_decision'>): ApplyResult {
  if (cmd.text.trim() === '') return empty('text')
  return change
    .record({ type: 'decision', text: cmd.text, ...(cmd.rationale ? { rationale: cmd.rationale } : {}) })
    .done()
}

export function attachAlert(change: Change, cmd: Cmd<'attach_alert'>): ApplyResult {
  if (cmd.alertId.trim() === '') return empty('alertId')
  return change
    .record({
      type: 'alert_attached',
      alertId: cmd.alertId,
      summary: cmd.summary,
      ...(cmd.source ? { source: cmd.source } : {}),
    })
    .done()
}

function currentPlaybook(change: Change): Playbook | undefined {
  return change.ctx.policy.playbooks.find((p) => p.key === change.incident.playbookKey)
}

export function answerQuestion(change: Change, cmd: Cmd<'answer_question'>): ApplyResult {
  const playbook = currentPlaybook(change)
  if (playbook === undefined) return reject('NOT_FOUND', 'This incident has no playbook')
  if (cmd.questionId === criteriaQuestionId) {
    return reject('VALIDATION', 'Whether the criteria are met is answered by declaring or standing down', [
      { path: 'questionId', message: 'reserved' },
    ])
  }
  const question = questionsOf(playbook).find((q) => q.id === cmd.questionId)
  if (question === undefined) {
    return reject('VALIDATION', `The playbook asks no question ${cmd.questionId}`, [
      {
        path: 'questionId',
        message: `one of: ${questionsOf(playbook)
          .map((q) => q.id)
          .join(', ')}`,
      },
    ])
  }
  if (change.incident.answers[question.id] === cmd.answer) return change.done()
  change.update({ answers: { ...change.incident.answers, [question.id]: cmd.answer } })
  return change
    .record({ type: 'playbook_answer', questionId: question.id, question: question.text, answer: cmd.answer })
    .done()
}

/** Only tasks on the path the team is on can be ticked; an answer can change the path. */
export function checkTask(change: Change, cmd: Cmd<'check_task'>): ApplyResult {
  const playbook = currentPlaybook(change)
  if (playbook === undefined) return reject('NOT_FOUND', 'This incident has no playbook')
  const task = checklistFor(playbook, change.incident.answers).find((t) => t.id === cmd.taskId)
  if (task === undefined) {
    return reject('NOT_FOUND', `Task ${cmd.taskId} is not on this incident's checklist`, [
      { path: 'taskId', message: 'answer the playbook questions to reach further steps' },
    ])
  }
  const isDone = change.incident.tasksDone.includes(task.id)
  if (isDone === cmd.isDone) return change.done()
  const tasksDone = cmd.isDone
    ? [...change.incident.tasksDone, task.id]
    : change.incident.tasksDone.filter((id) => id !== task.id)
  return change
    .update({ tasksDone })
    .record({ type: 'task_checked', taskId: task.id, text: task.text, isDone: cmd.isDone })
    .done()
}

import { isIncidentRole, type IncidentRole } from './incident-roles.js'
import type { ProcessStage } from './process-stages.js'

/**
 * An action plan as the 8x8 seed draws it: "a flowchart with different paths for different
 * findings". Steps carry tasks per role; a step either leads on, ends, or asks a yes/no
 * question whose answer picks the path.
 */
export interface PlaybookTask {
  id: string
  role: IncidentRole
  text: string
}

export interface PlaybookQuestion {
  id: string
  text: string
}

export type StepTransition =
  | { kind: 'go'; to: string }
  | { kind: 'end' }
  | { kind: 'branch'; question: PlaybookQuestion; ifYes: string; ifNo: string }

export interface PlaybookStep {
  id: string
  stage: ProcessStage
  title: string
  tasks: readonly PlaybookTask[]
  next: StepTransition
}

export interface Playbook {
  key: string
  crisisType: string
  name: string
  firstStepId: string
  steps: readonly PlaybookStep[]
}

export interface PlaybookWalk {
  path: PlaybookStep[]
  /** The question the team must answer to go on, or null at the end of a path. */
  pendingQuestion: PlaybookQuestion | null
}

export interface ChecklistTask extends PlaybookTask {
  stepId: string
  stage: ProcessStage
}

function targets(step: PlaybookStep): string[] {
  switch (step.next.kind) {
    case 'go':
      return [step.next.to]
    case 'branch':
      return [step.next.ifYes, step.next.ifNo]
    case 'end':
      return []
  }
}

/** Follows the tree from the first step with the answers given so far. */
export function walkPlaybook(playbook: Playbook, answers: Readonly<Record<string, boolean>>): PlaybookWalk {
  const byId = new Map(playbook.steps.map((s) => [s.id, s] as const))
  const path: PlaybookStep[] = []
  const seen = new Set<string>()
  let step = byId.get(playbook.firstStepId)
  while (step !== undefined && !seen.has(step.id)) {
    seen.add(step.id)
    path.push(step)
    const next: StepTransition = step.next
    if (next.kind === 'end') return { path, pendingQuestion: null }
    if (next.kind === 'go') step = byId.get(next.to)
    else {
      const answer = answers[next.question.id]
      if (answer === undefined) return { path, pendingQuestion: next.question }
      step = byId.get(answer ? next.ifYes : next.ifNo)
    }
  }
  return { path, pendingQuestion: null }
}

/** The incident's checklist: the tasks of every step on the path chosen so far. */
export function checklistFor(playbook: Playbook, answers: Readonly<Record<string, boolean>>): ChecklistTask[] {
  return walkPlaybook(playbook, answers).path.flatMap((step) =>
    step.tasks.map((task) => ({ ...task, stepId: step.id, stage: step.stage })),
  )
}

export function questionsOf(playbook: Playbook): PlaybookQuestion[] {
  return playbook.steps.flatMap((s) => (s.next.kind === 'branch' ? [s.next.question] : []))
}

export function validatePlaybook(playbook: Playbook): string[] {
  const problems: string[] = []
  const ids = playbook.steps.map((s) => s.id)
  const byId = new Map(playbook.steps.map((s) => [s.id, s] as const))
  if (new Set(ids).size !== ids.length) problems.push('step ids must be unique')
  if (!byId.has(playbook.firstStepId)) problems.push(`the first step ${playbook.firstStepId} does not exist`)
  const taskIds = playbook.steps.flatMap((s) => s.tasks.map((t) => t.id))
  if (new Set(taskIds).size !== taskIds.length) problems.push('task ids must be unique across the playbook')
  const questionIds = questionsOf(playbook).map((q) => q.id)
  if (new Set(questionIds).size !== questionIds.length) problems.push('question ids must be unique across the playbook')
  for (const step of playbook.steps) {
    for (const to of targets(step)) if (!byId.has(to)) problems.push(`step ${step.id} leads to a missing step ${to}`)
    for (const task of step.tasks)
      if (!isIncidentRole(task.role)) problems.push(`task ${task.id} names an unknown role ${String(task.role)}`)
  }
  if (problems.length > 0) return problems
  // A decision tree may join paths again but must not loop, or a walk would never end.
  const state = new Map<string, 'open' | 'done'>()
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return true
    if (state.get(id) === 'open') return false
    state.set(id, 'open')
    const step = byId.get(id)
    const ok = step === undefined || targets(step).every(visit)
    state.set(id, 'done')
    return ok
  }
  if (!visit(playbook.firstStepId)) problems.push('the steps form a loop')
  for (const id of ids) if (!state.has(id)) problems.push(`step ${id} cannot be reached`)
  return problems
}

export function playbookFor(playbooks: readonly Playbook[], crisisType: string): Playbook | undefined {
  return playbooks.find((p) => p.crisisType === crisisType)
}

import { crisisTypeByKey, reviewCriteria } from './crisis-types.js'
import { playbookFor } from './playbook.js'
import type { ProcessIncident } from './incident-process.js'
import { reject, type ApplyResult, type ProcessCommand } from './process-commands.js'
import type { Change } from './process-change.js'

type Cmd<T extends ProcessCommand['type']> = Extract<ProcessCommand, { type: T }>

/** The playbook's first question is the triage decision itself, answered by declaring or standing down. */
export const criteriaQuestionId = 'criteria_met'

function requireTriage(incident: ProcessIncident, what: string): ApplyResult | null {
  if (incident.status === 'triage') return null
  return reject('INVALID_TRANSITION', `Only an incident in triage can be ${what}; this one is ${incident.status}`, [
    {
      path: 'status',
      message:
        incident.status === 'stood_down'
          ? 're-open triage first (transition to triage)'
          : 'the triage decision was made',
    },
  ])
}

export function confirmCriterion(change: Change, cmd: Cmd<'confirm_criterion'>): ApplyResult {
  const refused = requireTriage(change.incident, 'validated against its criteria')
  if (refused) return refused
  const type = crisisTypeByKey(change.ctx.policy.crisisTypes, change.incident.crisisType)
  const criterion = type?.criteria.find((c) => c.id === cmd.criterionId)
  if (criterion === undefined) {
    return reject('VALIDATION', `Unknown criterion ${cmd.criterionId} for ${change.crisisTypeName()}`, [
      { path: 'criterionId', message: `one of: ${(type?.criteria ?? []).map((c) => c.id).join(', ')}` },
    ])
  }
  const criteria = [
    ...change.incident.criteria.filter((c) => c.criterionId !== cmd.criterionId),
    { criterionId: cmd.criterionId, isMet: cmd.isMet },
  ]
  return change
    .update({ criteria })
    .record({ type: 'criterion_confirmed', criterionId: criterion.id, text: criterion.text, isMet: cmd.isMet })
    .done()
}

export function declare(change: Change, cmd: Cmd<'declare'>): ApplyResult {
  const refused = requireTriage(change.incident, 'declared')
  if (refused) return refused
  const type = crisisTypeByKey(change.ctx.policy.crisisTypes, change.incident.crisisType)
  const review = type ? reviewCriteria(type, change.incident.criteria) : null
  if (review && !review.isSatisfied) {
    const open = [
      ...review.notMet.map((c) => ({ c, why: 'not met' })),
      ...review.unanswered.map((c) => ({ c, why: 'not confirmed yet' })),
    ]
    if (!cmd.override || cmd.override.reason.trim() === '') {
      return reject(
        'VALIDATION',
        'The crisis criteria are not all confirmed as met; confirm ' +
          'them, stand down, or declare with an override reason',
        open.map(({ c, why }) => ({ path: `criteria.${c.id}`, message: `${c.text} (${why})` })),
      )
    }
    // The seed: "rarely is a company criticised for being too careful"; the override is on record.
    change.record({ type: 'criteria_overridden', reason: cmd.override.reason, unmet: open.map(({ c }) => c.id) })
    change.record({
      type: 'decision',
      text: 'Declared a crisis before every criterion was met',
      rationale: cmd.override.reason,
    })
  }
  const moved = change.moveTo('declared')
  if (moved) return moved
  change.update({
    triage: { ...change.incident.triage, decidedAt: change.ctx.now },
    answers: { ...change.incident.answers, [criteriaQuestionId]: true },
  })
  change.notifyStakeholders('declared')
  return change.done()
}

export function standDown(change: Change, cmd: Cmd<'stand_down'>): ApplyResult {
  const refused = requireTriage(change.incident, 'stood down')
  if (refused) return refused
  if (cmd.reason.trim() === '')
    return reject('VALIDATION', 'Say why the team stands down', [{ path: 'reason', message: 'must not be empty' }])
  const moved = change.moveTo('stood_down', cmd.reason)
  if (moved) return moved
  change.update({
    triage: { ...change.incident.triage, decidedAt: change.ctx.now },
    answers: { ...change.incident.answers, [criteriaQuestionId]: false },
  })
  change.notifyStakeholders('stood_down')
  return change.done()
}

/** Going back to triage after a stand-down restarts validation: fresh clock, fresh criteria. */
export function restartTriage(change: Change): void {
  const { [criteriaQuestionId]: _dropped, ...answers } = change.incident.answers
  change.update({
    triage: { startedAt: change.ctx.now, decidedAt: null, remindedAt: null, escalatedAt: null },
    criteria: [],
    answers,
    stoodDownAt: null,
  })
}

export function setCrisisType(change: Change, cmd: Cmd<'set_crisis_type'>): ApplyResult {
  const { incident, ctx } = change
  const type = crisisTypeByKey(ctx.policy.crisisTypes, cmd.crisisType)
  if (type === undefined) {
    return reject('VALIDATION', `Unknown crisis type ${cmd.crisisType}`, [
      { path: 'crisisType', message: `one of: ${ctx.policy.crisisTypes.map((t) => t.key).join(', ')}` },
    ])
  }
  if (type.key === incident.crisisType) return change.done()
  const from = incident.crisisType
  const playbook = playbookFor(ctx.policy.playbooks, type.key)
  // Criteria belong to a type: answers given for the old type say nothing about the new one.
  change.update({
    crisisType: type.key,
    playbookKey: playbook?.key ?? null,
    ...(incident.status === 'triage' ? { criteria: [] } : {}),
  })
  return change.record({ type: 'crisis_type_change', from, to: type.key }).done()
}

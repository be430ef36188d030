import { parseInput } from '../parse-input.js'
import type { AppContext, AppDeps } from '../context.js'
import { confirmCriterionInput, crisisTypeInput, declareInput, standDownInput } from './process-inputs.js'
import { runProcessCommand } from './run-process-command.js'

/** Step 3: validate the crisis criteria, then declare a crisis or stand down. */
export function confirmCriterion(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(confirmCriterionInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'confirm_criterion',
    criterionId: input.criterion_id,
    isMet: input.is_met,
  })
}

export function declareIncident(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(declareInput, raw ?? {})
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'declare',
    ...(input.override_reason ? { override: { reason: input.override_reason } } : {}),
  })
}

export function standDownIncident(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(standDownInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', { type: 'stand_down', reason: input.reason })
}

export function changeCrisisType(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(crisisTypeInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'set_crisis_type',
    crisisType: input.crisis_type,
  })
}

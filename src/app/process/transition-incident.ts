import { parseInput } from '../parse-input.js'
import type { AppContext, AppDeps } from '../context.js'
import { cadenceInput, severityInput, transitionInput } from './process-inputs.js'
import { runProcessCommand } from './run-process-command.js'

/** Moves the lifecycle without a message (e.g. closing after the postmortem, re-opening triage). */
export function transitionIncident(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(transitionInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'transition',
    to: input.to,
    ...(input.reason ? { reason: input.reason } : {}),
  })
}

/** Stakeholders hear of the change; the cadence follows the new severity unless set by hand. */
export function changeSeverity(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(severityInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', { type: 'set_severity', level: input.level })
}

/** A new cadence is announced to customers wherever they already heard from us. */
export function changeCadence(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(cadenceInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.publish', { type: 'set_cadence', minutes: input.minutes })
}

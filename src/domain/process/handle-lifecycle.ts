import { cadenceForSeverity, validateCadenceMinutes } from '../cadence/cadence.js'
import { isOpen } from '../incident/incident-status.js'
import { severityByLevel } from '../incident/severity.js'
import { reject, type ApplyResult, type ProcessCommand } from './process-commands.js'
import type { Change } from './process-change.js'
import { restartTriage } from './handle-triage.js'

type Cmd<T extends ProcessCommand['type']> = Extract<ProcessCommand, { type: T }>

/**
 * Plain status moves. Declaring and standing down have their own checks (criteria, a
 * reason), so they go through their own commands rather than through here.
 */
export function transition(change: Change, cmd: Cmd<'transition'>): ApplyResult {
  if (cmd.to === 'declared' || cmd.to === 'stood_down') {
    return reject('VALIDATION', `Use ${cmd.to === 'declared' ? 'declare' : 'stand-down'} to decide triage`, [
      { path: 'to', message: 'triage is decided by declaring or standing down' },
    ])
  }
  if (cmd.to === change.incident.status) return change.done()
  const wasStoodDown = change.incident.status === 'stood_down'
  const moved = change.moveTo(cmd.to, cmd.reason)
  if (moved) return moved
  if (wasStoodDown && cmd.to === 'triage') restartTriage(change)
  return change.done()
}

export function setSeverity(change: Change, cmd: Cmd<'set_severity'>): ApplyResult {
  const { incident, ctx } = change
  const level = severityByLevel(ctx.policy.severityScale, cmd.level)
  if (level === undefined) {
    return reject('VALIDATION', `There is no severity level ${cmd.level}`, [
      { path: 'level', message: `one of: ${ctx.policy.severityScale.map((s) => `${s.level} (${s.name})`).join(', ')}` },
    ])
  }
  if (level.level === incident.severity) return change.done()
  const from = incident.severity
  change.update({ severity: level.level })
  change.record({
    type: 'severity_change',
    from,
    to: level.level,
    fromName: change.severityName(from),
    toName: level.name,
  })
  // Stakeholders only hear once triage has decided: before that, they were not told of a crisis.
  if (isOpen(incident.status) && incident.status !== 'triage') change.notifyStakeholders('severity_changed', from)
  if (!incident.isCadenceOverridden && isOpen(incident.status)) {
    change.changeCadence(cadenceForSeverity(ctx.policy.severityScale, level.level, incident.cadenceMinutes), false)
  }
  return change.done()
}

export function setCadence(change: Change, cmd: Cmd<'set_cadence'>): ApplyResult {
  const problem = validateCadenceMinutes(cmd.minutes)
  if (problem) return reject('VALIDATION', problem, [{ path: 'minutes', message: problem }])
  if (!isOpen(change.incident.status)) {
    return reject('INVALID_TRANSITION', `The cadence of a ${change.incident.status} incident cannot change`, [
      { path: 'status', message: 'only open incidents promise updates' },
    ])
  }
  change.changeCadence(cmd.minutes, true)
  return change.done()
}

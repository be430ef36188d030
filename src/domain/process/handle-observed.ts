import { isPublic } from '../incident/incident-status.js'
import type { ApplyResult, ProcessCommand } from './process-commands.js'
import type { Change } from './process-change.js'
import { criteriaQuestionId, restartTriage } from './handle-triage.js'

type Cmd<T extends ProcessCommand['type']> = Extract<ProcessCommand, { type: T }>

/**
 * The incidents API publishes updates on its own (same lifecycle rules); the process follows:
 * the status move with its notices, and the message on the timeline. Delivery is theirs.
 */
export function observeUpdate(change: Change, cmd: Cmd<'observe_update'>): ApplyResult {
  const from = change.incident.status
  if (cmd.to !== from) {
    const moved = change.moveTo(cmd.to, 'update published through the incidents API')
    if (moved) return moved
    if (from === 'triage' && (cmd.to === 'declared' || cmd.to === 'stood_down')) {
      change.update({
        triage: { ...change.incident.triage, decidedAt: change.ctx.now },
        answers: { ...change.incident.answers, [criteriaQuestionId]: cmd.to === 'declared' },
      })
      change.notifyStakeholders(cmd.to === 'declared' ? 'declared' : 'stood_down')
    }
    if (from === 'stood_down' && cmd.to === 'triage') restartTriage(change)
  }
  const { incident, ctx } = change
  const isPublicMessage = isPublic(cmd.to) && !incident.isDrill
  change.record({
    type: 'message_published',
    stage: !isPublic(cmd.to)
      ? 'internal'
      : incident.acknowledgedAt === null
        ? 'acknowledgement'
        : cmd.to === 'resolved'
          ? 'all_clear'
          : 'update',
    audience: isPublicMessage ? 'public' : 'team',
    channels: ['status_page'],
    status: cmd.to,
    text: cmd.text,
    isDrill: incident.isDrill,
  })
  if (isPublic(cmd.to)) {
    change.update({
      acknowledgedAt: incident.acknowledgedAt ?? ctx.now,
      lastPublicUpdateAt: ctx.now,
      channelsUsed: incident.channelsUsed.includes('status_page')
        ? incident.channelsUsed
        : [...incident.channelsUsed, 'status_page'],
    })
  }
  return change.done()
}

import { noRecipients } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import type { AppContext, AppDeps } from '../context.js'
import { deliveryReportInput, publishInput } from './process-inputs.js'
import { runProcessCommand } from './run-process-command.js'

/**
 * Steps 5–7: the acknowledgement (never gated), the scope message (gated by the checklist),
 * updates, the all-clear and the postmortem. Each goes to every channel used before.
 */
export function publishMessage(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(publishInput, raw)
  return runProcessCommand(
    deps,
    ctx,
    incidentId,
    'incident.publish',
    {
      type: 'publish',
      stage: input.stage,
      text: input.text,
      channels: input.channels,
      ...(input.status ? { status: input.status } : {}),
    },
    // Every public channel reaches the page's audience (a drill's messages go to the team instead).
    (row, result) => {
      const isPublic = result.intents.some((i) => i.kind === 'message' && i.audience === 'public')
      if (isPublic && row.page_id === null) throw noRecipients()
    },
  )
}

/** Delivery reports what went out on one channel, so the timeline shows audience and count. */
export function recordMessageDelivery(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(deliveryReportInput, raw)
  return runProcessCommand(deps, ctx, incidentId, 'incident.update', {
    type: 'record_message',
    stage: input.stage,
    channel: input.channel,
    audience: input.audience,
    recipientCount: input.recipient_count,
    ...(input.text !== undefined ? { text: input.text } : {}),
  })
}

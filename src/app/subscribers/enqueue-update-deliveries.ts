import { stageForUpdate } from '../../domain/delivery/update-stage.js'
import type { MessageStage } from '../../domain/template/message-kinds.js'
import { deliveriesStore } from '../../store/deliveries-store.js'
import type { Executor } from '../../store/schema/index.js'
import type { AppContext, IncidentUpdatePublished } from '../context.js'

export interface UpdateDeliveries {
  orgId: string
  pageId: string
  updateId: string
  incidentId: string | null
  stage: MessageStage
  componentIds: string[]
  now: Date
}

/**
 * Writes the outbox rows for one update inside the caller's transaction: call it from the
 * use case that publishes the update, with that transaction's executor. Returns how many
 * messages were queued.
 */
export function enqueueUpdateDeliveries(tx: Executor, input: UpdateDeliveries): Promise<number> {
  return deliveriesStore(tx, input.orgId).enqueueForUpdate(input)
}

/** The `incidentUpdatePublished` hook: drills, private statuses and "don't notify" updates queue nothing. */
export async function enqueueOnUpdatePublished(
  tx: Executor,
  ctx: AppContext,
  event: IncidentUpdatePublished,
): Promise<void> {
  const { incident, update } = event
  const stage = stageForUpdate(update.status, event.previousStatus)
  if (!stage || incident.is_drill || !update.deliver_notifications || !incident.page_id) return
  await enqueueUpdateDeliveries(tx, {
    orgId: ctx.orgId,
    pageId: incident.page_id,
    updateId: update.id,
    incidentId: incident.id,
    stage,
    componentIds: event.componentIds,
    now: ctx.now,
  })
}

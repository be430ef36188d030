import { applyCommand } from '../../domain/process/apply-command.js'
import { isIncidentStatus } from '../../domain/incident/incident-status.js'
import type { Executor } from '../../store/schema/index.js'
import { orgStore } from '../../store/store.js'
import type { AppContext, AppDeps, IncidentUpdatePublished } from '../context.js'
import { adoptIncident } from './adopt-incident.js'
import { loadPolicy } from './load-policy.js'
import { commitChange } from './run-process-command.js'

/**
 * The `incidentUpdatePublished` hook: an update posted through the incidents API moves the
 * process too (timeline, stakeholder notices, cadence clock, freeze), in the same transaction.
 * It never blocks that update: a state the process cannot follow is logged and left alone.
 */
export function followIncidentUpdates(deps: AppDeps) {
  return async (raw: Executor, ctx: AppContext, event: IncidentUpdatePublished): Promise<void> => {
    if (event.origin === 'process' || !isIncidentStatus(event.update.status)) return
    const tx = orgStore(raw, ctx.orgId)
    const policy = await loadPolicy(tx)
    const loaded = await tx.process.state.load(event.incident.id, { forUpdate: true })
    if (!loaded) return
    const from =
      event.previousStatus !== null && isIncidentStatus(event.previousStatus)
        ? event.previousStatus
        : event.update.status
    const current = { ...(loaded.process ?? (await adoptIncident(tx, loaded.incident, policy, from))), status: from }
    const result = applyCommand(
      current,
      { type: 'observe_update', to: event.update.status, text: event.update.body },
      { now: ctx.now, actor: ctx.actor, policy },
    )
    if (!result.ok) {
      deps.logger.warn(
        { incidentId: event.incident.id, rejection: result.rejection },
        'the incident process could not follow an update',
      )
      return
    }
    await commitChange(deps, ctx, tx, raw, policy, { stored: loaded.process, status: from }, result)
  }
}

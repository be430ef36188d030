import { isIncidentStatus, isPublic } from '../../domain/incident/incident-status.js'
import { changeStatus } from '../../domain/incident/status-change.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, noRecipients, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { applyComponentChanges } from './apply-component-changes.js'
import { postUpdateInput } from './incident-input.js'
import { loadIncidents } from './incident-view.js'

/**
 * Moves the incident to the update's status (if the lifecycle allows it), records the text
 * for both audiences, applies component statuses, and lets features add their outbox rows
 * in the same transaction.
 */
export async function postIncidentUpdate(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  const input = parseInput(postUpdateInput, raw)
  requirePermission(ctx, isPublic(input.status) ? 'incident.publish' : 'incident.update')
  const result = await deps.store.transaction(ctx.orgId, async (tx, raw) => {
    const incident = await tx.incidents.getForUpdate(incidentId)
    if (!incident) throw notFound('Incident')
    if (!isIncidentStatus(incident.status))
      throw new AppError('CONFLICT', `incident has an unknown status ${incident.status}`)
    // Leaving triage needs the crisis criteria confirmed: that is the process API's job, not a plain update's.
    if (incident.status === 'triage' && input.status !== 'triage') {
      const processApi = `/api/incidents/${incidentId}`
      throw new AppError(
        'INVALID_TRANSITION',
        'An incident in triage is declared or stood down through the process API',
        [
          {
            path: 'status',
            message: `use POST ${processApi}/declare or /stand-down after confirming the crisis criteria`,
          },
        ],
      )
    }
    const change = changeStatus(
      {
        status: incident.status,
        declaredAt: incident.declared_at,
        identifiedAt: incident.identified_at,
        monitoringAt: incident.monitoring_at,
        resolvedAt: incident.resolved_at,
      },
      input.status,
      ctx.now,
    )
    if (!change.ok) {
      throw new AppError('INVALID_TRANSITION', change.reason, [
        { path: 'status', message: `allowed next statuses: ${change.allowed.join(', ') || 'none'}` },
      ])
    }
    let changes = input.components ?? []
    // Resolving without naming components restores the ones this incident affected.
    if (input.status === 'resolved' && input.components === undefined) {
      const linked = await tx.incidents.listAffectedComponentIds([incidentId])
      changes = linked.map((l) => ({ id: l.component_id, status: 'operational' as const }))
    }
    const { affected, pageId } = await applyComponentChanges(tx, {
      incidentId,
      pageId: incident.page_id,
      changes,
      now: ctx.now,
    })
    // A public update on no page reaches nobody: refused rather than stored unseen (closing is bookkeeping).
    const isMessage = isPublic(input.status) && input.status !== 'closed'
    if (isMessage && !incident.is_drill && pageId === null) throw noRecipients()
    const updated = await tx.incidents.update(
      incidentId,
      {
        status: change.patch.status,
        declaredAt: change.patch.declaredAt,
        identifiedAt: change.patch.identifiedAt,
        monitoringAt: change.patch.monitoringAt,
        resolvedAt: change.patch.resolvedAt,
        pageId,
      },
      ctx.now,
    )
    const update = await tx.incidents.addUpdate(incidentId, {
      status: input.status,
      body: input.body,
      bodyTechnical: input.body_technical,
      affectedComponents: affected,
      deliverNotifications: input.deliver_notifications,
      createdBy: ctx.actor.name,
      displayAt: input.display_at ?? ctx.now,
    })
    for (const hook of deps.hooks.incidentUpdatePublished) {
      await hook(raw, ctx, {
        incident: updated!,
        update,
        previousStatus: incident.status,
        componentIds: affected.map((a) => a.code),
        origin: 'incidents-api',
      })
    }
    const [view] = await loadIncidents(tx, [updated!])
    return { incident: view!, update, reopened: change.reopened }
  })
  deps.events.emit('incident.changed', {
    orgId: ctx.orgId,
    incidentId,
    pageId: result.incident.page_id,
    kind: 'update',
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: result.incident.page_id })
  return result
}

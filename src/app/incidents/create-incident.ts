import { withAuditedPart } from '../../store/change-audit.js'
import { isPublic } from '../../domain/incident/incident-status.js'
import { defaultSeverityScale, severityByLevel } from '../../domain/incident/severity.js'
import { changeStatus } from '../../domain/incident/status-change.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { createContactTasks } from '../key-customers/create-contact-tasks.js'
import { loadPolicy } from '../process/load-policy.js'
import { announce } from '../process/run-process-command.js'
import { startProcess } from '../process/start-process.js'
import { applyComponentChanges } from './apply-component-changes.js'
import { communicationFacts, createIncidentInput } from './incident-input.js'
import { loadIncidents } from './incident-view.js'

/** Opens an incident, in triage or straight to customers with its first update. */
export async function createIncident(deps: AppDeps, ctx: AppContext, raw: unknown) {
  const input = parseInput(createIncidentInput, raw)
  const goesPublic = isPublic(input.status) && !input.is_drill
  requirePermission(ctx, goesPublic ? 'incident.publish' : 'incident.create')
  if (isPublic(input.status) && !input.body) {
    throw invalid('The request is invalid', [
      { path: 'body', message: 'a public incident needs the text of its first update' },
    ])
  }
  const severity = input.severity ?? 3
  const level = severityByLevel(defaultSeverityScale, severity)
  if (!level)
    throw invalid('The request is invalid', [
      { path: 'severity', message: `no severity level ${severity} in this organisation's scale` },
    ])

  const result = await deps.store.transaction(ctx.orgId, async (tx, raw) => {
    if (input.page_id && !(await tx.pages.get(input.page_id))) {
      throw invalid('The request is invalid', [{ path: 'page_id', message: 'no such status page' }])
    }
    const startedAt = input.started_at ?? ctx.now
    const stamped = changeStatus(
      { status: 'declared', declaredAt: null, identifiedAt: null, monitoringAt: null, resolvedAt: null },
      input.status,
      ctx.now,
    )
    const times = stamped.ok && input.status !== 'triage' ? stamped.patch : {}
    const incident = await tx.incidents.create({
      title: input.title,
      status: input.status,
      pageId: input.page_id ?? null,
      severity,
      // Customers see the severity's impact only when chosen; otherwise the components decide.
      impact: input.impact ?? level.impact,
      impactChosen: input.impact !== undefined,
      type: input.type,
      isDrill: input.is_drill,
      startedAt,
      declaredAt: times.declaredAt ?? null,
      identifiedAt: times.identifiedAt ?? null,
      monitoringAt: times.monitoringAt ?? null,
      resolvedAt: times.resolvedAt ?? null,
      createdBy: ctx.actor.name,
      ...communicationFacts(input),
    })
    const policy = await loadPolicy(tx)
    const birth = await startProcess(deps, ctx, tx, raw, policy, incident, { source: 'manual' })
    const { affected, pageId } = await applyComponentChanges(tx, {
      incidentId: incident.id,
      pageId: incident.page_id,
      changes: input.components ?? [],
      now: ctx.now,
    })
    if (pageId !== incident.page_id) await tx.incidents.update(incident.id, { pageId }, ctx.now)
    // Declared with its components: the customers depending on them are owed a call from the declaration.
    if (incident.declared_at) await createContactTasks(tx, birth.process, incident.declared_at, ctx.now)
    if (input.body) {
      const update = await tx.incidents.addUpdate(incident.id, {
        status: input.status,
        body: input.body,
        bodyTechnical: input.body_technical,
        affectedComponents: affected,
        deliverNotifications: input.deliver_notifications,
        createdBy: ctx.actor.name,
        displayAt: ctx.now,
      })
      for (const hook of deps.hooks.incidentUpdatePublished) {
        await hook(raw, ctx, {
          incident: { ...incident, page_id: pageId },
          update,
          previousStatus: null,
          componentIds: affected.map((a) => a.code),
          origin: 'incidents-api',
        })
      }
    }
    const [view] = await loadIncidents(tx, [(await tx.incidents.get(incident.id))!])
    return withAuditedPart({ view: view!, birth }, view)
  })
  announce(deps, ctx, { ...result.birth, pageId: result.view.page_id }, 'opened')
  if (goesPublic || result.view.page_id)
    deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: result.view.page_id })
  return result.view
}

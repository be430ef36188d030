import { z } from 'zod'
import { fitTitle } from '../../domain/alert/incident-suggestion.js'
import { type AlertSeverity, parseAlertSeverity, suggestedIncidentSeverity } from '../../domain/alert/alert-severity.js'
import { conflict, invalid, notFound } from '../../domain/app-error.js'
import { isIncidentStatus, isOpen } from '../../domain/incident/incident-status.js'
import { severityByLevel } from '../../domain/incident/severity.js'
import { requirePermission } from '../authorize.js'
import { idSchema, nameSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { onlyPage } from '../process/default-page.js'
import { loadPolicy } from '../process/load-policy.js'
import { processView } from '../process/process-view.js'
import { announce } from '../process/run-process-command.js'
import { startProcess } from '../process/start-process.js'

/** Everything is optional: left out, it comes from the alert (title, severity) or the defaults. */
export const openIncidentFromAlertInput = z
  .object({
    title: nameSchema,
    severity: z.int().min(1).max(20),
    crisis_type: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
    page_id: idSchema.nullable(),
    is_drill: z.boolean(),
  })
  .strict()
  .partial()

/**
 * Opens an incident in triage from an alert someone is looking at: its summary as the title,
 * its severity label mapped to the scale, the only status page unless one is named, and the
 * alert attached and first on the timeline. An alert already on an open incident is refused.
 */
export async function openIncidentFromAlert(deps: AppDeps, ctx: AppContext, alertId: string, raw: unknown) {
  requirePermission(ctx, 'incident.create')
  const input = parseInput(openIncidentFromAlertInput, raw ?? {})
  const { change, view } = await deps.store.transaction(ctx.orgId, async (tx, rawTx) => {
    const alert = await tx.alerts.getForRouting(alertId)
    if (!alert) throw notFound('Alert')
    if (alert.incident_id) {
      const current = await tx.incidents.get(alert.incident_id)
      if (current && isIncidentStatus(current.status) && isOpen(current.status))
        throw conflict('The alert is already on an open incident', [
          { path: 'incident_id', message: `attached to incident ${current.id} ("${current.title}")` },
        ])
    }
    const policy = await loadPolicy(tx)
    const alertSeverity: AlertSeverity = parseAlertSeverity(alert.labels.severity) ?? (alert.severity as AlertSeverity)
    const severity = input.severity ?? suggestedIncidentSeverity(alertSeverity)
    const level = severityByLevel(policy.severityScale, severity)
    if (!level)
      throw invalid('The request is invalid', [{ path: 'severity', message: `no severity level ${severity}` }])
    let page: { pageId: string | null; notes: string[] } = { pageId: input.page_id ?? null, notes: [] }
    if (input.page_id && !(await tx.pages.get(input.page_id)))
      throw invalid('The request is invalid', [{ path: 'page_id', message: 'no such status page' }])
    if (input.page_id === undefined) page = await onlyPage(tx, 'none was named')
    const row = await tx.incidents.create({
      title: input.title ?? fitTitle(alert.summary),
      status: 'triage',
      pageId: page.pageId,
      type: input.crisis_type ?? 'service_outage',
      severity,
      impact: level.impact,
      isDrill: input.is_drill ?? false,
      startedAt: new Date(Math.min(alert.first_seen_at.getTime(), ctx.now.getTime())),
      createdBy: ctx.actor.name,
    })
    await tx.alerts.setRouting(alertId, { disposition: alert.disposition, routing: alert.routing, incidentId: row.id })
    const change = await startProcess(
      deps,
      ctx,
      tx,
      rawTx,
      policy,
      row,
      {
        source: 'alert',
        alerts: [{ alertId: alert.id, summary: alert.summary, ...(alert.source ? { source: alert.source } : {}) }],
        notes: page.notes,
      },
      { crisisType: 'crisis_type' },
    )
    return { change, view: processView(change.process, policy) }
  })
  announce(deps, ctx, change, 'opened')
  deps.events.emit('alert.changed', { orgId: ctx.orgId, alertIds: [alertId], kind: 'attached' })
  return view
}

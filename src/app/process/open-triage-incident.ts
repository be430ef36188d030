import { z } from 'zod'
import { severityByLevel } from '../../domain/incident/severity.js'
import { incidentRoles } from '../../domain/process/incident-roles.js'
import { openIncident } from '../../domain/process/open-incident.js'
import { requirePermission } from '../authorize.js'
import { idSchema, nameSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, invalid } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { loadPolicy } from './load-policy.js'
import { personSchema } from './process-inputs.js'
import { processView } from './process-view.js'
import { announce, commitChange } from './run-process-command.js'

export const openTriageInput = z
  .object({
    title: nameSchema,
    crisis_type: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/)
      .default('service_outage'),
    severity: z.int().min(1).max(20).default(3),
    page_id: idSchema.nullable().optional(),
    is_drill: z.boolean().default(false),
    started_at: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s))
      .optional(),
    alert: z
      .object({
        alert_id: z.string().min(1).max(200),
        summary: z.string().min(1).max(2000),
        source: z.string().max(200).optional(),
      })
      .strict()
      .optional(),
    roles: z
      .array(
        z
          .object({ role: z.enum(incidentRoles), person: personSchema, backup: personSchema.nullable().optional() })
          .strict(),
      )
      .max(incidentRoles.length)
      .default([]),
  })
  .strict()

/**
 * Step 1: the alarm is raised (by a person, or by alert intake) and the incident opens in
 * triage with its crisis type's playbook; the validation clock starts now.
 */
export async function openTriageIncident(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'incident.create')
  const input = parseInput(openTriageInput, raw)
  const { change, view } = await deps.store.transaction(ctx.orgId, async (tx, rawDb) => {
    const policy = await loadPolicy(tx)
    if (input.page_id && !(await tx.pages.get(input.page_id)))
      throw invalid('The request is invalid', [{ path: 'page_id', message: 'no such status page' }])
    const level = severityByLevel(policy.severityScale, input.severity)
    const row = await tx.incidents.create({
      title: input.title,
      status: 'triage',
      pageId: input.page_id ?? null,
      severity: input.severity,
      type: input.crisis_type,
      isDrill: input.is_drill,
      ...(level ? { impact: level.impact } : {}),
      startedAt: input.started_at ?? ctx.now,
      createdBy: ctx.actor.name,
    })
    // An alert Candor received is linked to the incident it opened.
    const alertId = input.alert?.alert_id
    if (alertId && z.uuid().safeParse(alertId).success && (await tx.alerts.get(alertId)))
      await tx.alerts.attachIncident([alertId], row.id)
    const opened = openIncident(
      {
        id: row.id,
        title: input.title,
        crisisType: input.crisis_type,
        severity: input.severity,
        isDrill: input.is_drill,
        source: input.alert ? 'alert' : 'manual',
        ...(input.alert
          ? {
              alert: {
                alertId: input.alert.alert_id,
                summary: input.alert.summary,
                ...(input.alert.source ? { source: input.alert.source } : {}),
              },
            }
          : {}),
        roles: input.roles.map((r) => ({
          role: r.role,
          person: r.person,
          ...(r.backup !== undefined ? { backup: r.backup } : {}),
        })),
      },
      { now: ctx.now, actor: ctx.actor, policy },
    )
    if (!opened.ok) throw new AppError(opened.rejection.code, opened.rejection.message, opened.rejection.details)
    const change = await commitChange(deps, ctx, tx, rawDb, policy, { stored: null, status: 'triage' }, opened)
    return { change, view: processView(change.process, policy) }
  })
  announce(deps, ctx, change, 'opened')
  return view
}

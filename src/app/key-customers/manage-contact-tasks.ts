import { notFound } from '../../domain/app-error.js'
import { overdueAlertDueAt } from '../../domain/key-customer/contact-task.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { updateContactTaskInput } from './key-customer-input.js'
import { contactTaskView } from './key-customer-view.js'

/** The contact tasks of one incident, soonest deadline first. */
export async function listContactTasks(deps: AppDeps, ctx: AppContext, incidentId: string) {
  requirePermission(ctx, 'incident.read')
  const tx = deps.store.forOrg(ctx.orgId)
  if (!(await tx.incidents.get(incidentId))) throw notFound('Incident')
  const rows = await tx.contactTasks.listForIncident(incidentId)
  return { tasks: rows.map((r) => contactTaskView(r, ctx.now)) }
}

export async function getContactTask(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'incident.read')
  const row = await deps.store.forOrg(ctx.orgId).contactTasks.get(id)
  if (!row) throw notFound('Contact task')
  return contactTaskView(row, ctx.now)
}

/** Done or open again, the customer ticket it is worked in, who holds it; the overdue timer follows the state. */
export async function updateContactTask(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'incident.update')
  const input = parseInput(updateContactTaskInput, raw)
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    const current = await tx.contactTasks.getForUpdate(id)
    if (!current) throw notFound('Contact task')
    const state = input.state ?? (current.state as 'open' | 'done')
    const isClosing = state === 'done' && current.state !== 'done'
    await tx.contactTasks.update(id, {
      state,
      ...(isClosing ? { done_at: ctx.now, done_by: ctx.actor.name } : {}),
      ...(state === 'open' ? { done_at: null, done_by: null } : {}),
      ...(input.ticket_id !== undefined ? { ticket_id: input.ticket_id } : {}),
      ...(input.holder !== undefined
        ? { holder_id: input.holder?.id ?? null, holder_name: input.holder?.name ?? null }
        : {}),
      alert_due_at: overdueAlertDueAt({
        state,
        deadlineAt: current.deadline_at,
        overdueAlertedAt: current.overdue_alerted_at,
      }),
      updated_at: ctx.now,
    })
    return contactTaskView((await tx.contactTasks.get(id))!, ctx.now)
  })
  deps.events.emit('incident.changed', {
    orgId: ctx.orgId,
    incidentId: view.incident_id,
    pageId: null,
    kind: 'process',
  })
  return view
}

import { z } from 'zod'
import {
  canMoveMaintenance,
  maintenanceStatuses,
  type MaintenanceStatus,
} from '../../domain/incident/maintenance-status.js'
import { requirePermission } from '../authorize.js'
import { dateTimeSchema, idSchema, nameSchema, textSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { AppError, invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import type { OrgStore } from '../../store/store.js'

export const createMaintenanceInput = z
  .object({
    page_id: idSchema,
    title: nameSchema,
    body: textSchema.optional(),
    scheduled_for: dateTimeSchema,
    scheduled_until: dateTimeSchema,
    recurrence: z
      .string()
      .max(500)
      .regex(/^(RRULE:)?FREQ=/, 'must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=SA')
      .nullable()
      .optional(),
    component_ids: z.array(idSchema).max(500).optional(),
  })
  .strict()
  .refine((m) => m.scheduled_until > m.scheduled_for, {
    path: ['scheduled_until'],
    message: 'must be after scheduled_for',
  })

export const updateMaintenanceInput = z
  .object({
    title: nameSchema,
    body: textSchema,
    status: z.enum(maintenanceStatuses),
    scheduled_for: dateTimeSchema,
    scheduled_until: dateTimeSchema,
    update: textSchema.min(1),
    component_ids: z.array(idSchema).max(500),
  })
  .strict()
  .partial()

async function view(store: OrgStore, rows: Awaited<ReturnType<OrgStore['maintenances']['list']>>) {
  const ids = rows.map((r) => r.id)
  const [updates, links] = await Promise.all([
    store.maintenances.listUpdates(ids),
    store.maintenances.listComponentIds(ids),
  ])
  return rows.map((row) => ({
    ...row,
    component_ids: links.filter((l) => l.maintenance_id === row.id).map((l) => l.component_id),
    updates: updates.filter((u) => u.maintenance_id === row.id),
  }))
}

async function requireComponentsOnPage(tx: OrgStore, ids: string[] | undefined, pageId: string) {
  if (!ids?.length) return
  const found = await tx.components.getMany(ids)
  const bad = ids.filter((id) => found.find((c) => c.id === id)?.page_id !== pageId)
  if (bad.length)
    throw invalid(
      'The request is invalid',
      bad.map((id) => ({ path: 'component_ids', message: `no component ${id} on this page` })),
    )
}

export async function listMaintenances(deps: AppDeps, ctx: AppContext, pageId?: string) {
  requirePermission(ctx, 'page.read')
  const store = deps.store.forOrg(ctx.orgId)
  return view(store, await store.maintenances.list({ pageId }))
}

export async function getMaintenance(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'page.read')
  const store = deps.store.forOrg(ctx.orgId)
  const row = await store.maintenances.get(id)
  if (!row) throw notFound('Maintenance')
  return (await view(store, [row]))[0]!
}

export async function createMaintenance(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'maintenance.write')
  const input = parseInput(createMaintenanceInput, raw)
  const result = await deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.pages.get(input.page_id)))
      throw invalid('The request is invalid', [{ path: 'page_id', message: 'no such status page' }])
    await requireComponentsOnPage(tx, input.component_ids, input.page_id)
    const row = await tx.maintenances.create({
      pageId: input.page_id,
      title: input.title,
      body: input.body,
      scheduledFor: input.scheduled_for,
      scheduledUntil: input.scheduled_until,
      recurrence: input.recurrence,
    })
    await tx.maintenances.setComponents(row.id, input.component_ids ?? [])
    if (input.body) await tx.maintenances.addUpdate(row.id, { status: 'scheduled', body: input.body, at: ctx.now })
    return (await view(tx, [row]))[0]!
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: result.page_id })
  return result
}

export async function updateMaintenance(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'maintenance.write')
  const input = parseInput(updateMaintenanceInput, raw)
  const result = await deps.store.transaction(ctx.orgId, async (tx) => {
    const before = await tx.maintenances.get(id)
    if (!before) throw notFound('Maintenance')
    const from = before.status as MaintenanceStatus
    if (input.status && !canMoveMaintenance(from, input.status)) {
      throw new AppError('INVALID_TRANSITION', `a maintenance cannot go from ${from} to ${input.status}`)
    }
    const forAt = input.scheduled_for ?? before.scheduled_for
    const untilAt = input.scheduled_until ?? before.scheduled_until
    if (untilAt <= forAt)
      throw invalid('The request is invalid', [{ path: 'scheduled_until', message: 'must be after scheduled_for' }])
    await requireComponentsOnPage(tx, input.component_ids, before.page_id)
    const moved = input.status && input.status !== from
    const row = await tx.maintenances.update(
      id,
      {
        title: input.title,
        body: input.body,
        status: input.status,
        scheduledFor: input.scheduled_for,
        scheduledUntil: input.scheduled_until,
        ...(moved && input.status === 'in_progress' ? { startedAt: ctx.now } : {}),
        ...(moved && input.status === 'completed' ? { completedAt: ctx.now } : {}),
      },
      ctx.now,
    )
    if (input.component_ids) await tx.maintenances.setComponents(id, input.component_ids)
    if (input.update || moved) {
      await tx.maintenances.addUpdate(id, {
        status: row!.status,
        body: input.update ?? `Status: ${row!.status.replace('_', ' ')}`,
        at: ctx.now,
      })
    }
    return (await view(tx, [row!]))[0]!
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: result.page_id })
  return result
}

export async function deleteMaintenance(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'maintenance.write')
  const row = await deps.store.transaction(ctx.orgId, async (tx) => {
    const found = await tx.maintenances.get(id)
    if (!found || !(await tx.maintenances.remove(id))) throw notFound('Maintenance')
    return found
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: row.page_id })
}

import { z } from 'zod'
import { componentStatusSchema, idSchema, nameSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { requirePermission } from '../authorize.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import type { OrgStore } from '../../store/store.js'

export const createGroupInput = z
  .object({
    page_id: idSchema,
    name: nameSchema,
    description: z.string().max(2000).nullable().optional(),
    position: z.int().min(0).max(10_000).optional(),
  })
  .strict()
export const updateGroupInput = createGroupInput.omit({ page_id: true }).partial()

export const createComponentInput = z
  .object({
    page_id: idSchema,
    group_id: idSchema.nullable().optional(),
    name: nameSchema,
    description: z.string().max(2000).nullable().optional(),
    status: componentStatusSchema.optional(),
    position: z.int().min(0).max(10_000).optional(),
    showcase: z.boolean().optional(),
    only_show_if_degraded: z.boolean().optional(),
    start_date: z.iso.date().nullable().optional(),
  })
  .strict()
export const updateComponentInput = createComponentInput.omit({ page_id: true }).partial()

async function requireGroupOnPage(tx: OrgStore, groupId: string | null | undefined, pageId: string) {
  if (!groupId) return
  const group = await tx.groups.get(groupId)
  if (!group || group.page_id !== pageId)
    throw invalid('The request is invalid', [{ path: 'group_id', message: 'no such group on this page' }])
}

export async function listGroups(deps: AppDeps, ctx: AppContext, pageId?: string) {
  requirePermission(ctx, 'page.read')
  return deps.store.forOrg(ctx.orgId).groups.list(pageId)
}

export async function getGroup(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'page.read')
  return (await deps.store.forOrg(ctx.orgId).groups.get(id)) ?? Promise.reject(notFound('Component group'))
}

export async function createGroup(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'component.write')
  const input = parseInput(createGroupInput, raw)
  const group = await deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.pages.get(input.page_id)))
      throw invalid('The request is invalid', [{ path: 'page_id', message: 'no such status page' }])
    return tx.groups.create({
      pageId: input.page_id,
      name: input.name,
      description: input.description,
      position: input.position,
    })
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: group.page_id })
  return group
}

export async function updateGroup(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'component.write')
  const input = parseInput(updateGroupInput, raw)
  const group = await deps.store.transaction(ctx.orgId, (tx) => tx.groups.update(id, input, ctx.now))
  if (!group) throw notFound('Component group')
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: group.page_id })
  return group
}

export async function deleteGroup(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'component.write')
  const group = await deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.groups.get(id)
    if (!row || !(await tx.groups.remove(id))) throw notFound('Component group')
    return row
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: group.page_id })
}

export async function listComponents(deps: AppDeps, ctx: AppContext, pageId?: string) {
  requirePermission(ctx, 'page.read')
  return deps.store.forOrg(ctx.orgId).components.list(pageId)
}

export async function getComponent(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'page.read')
  return (await deps.store.forOrg(ctx.orgId).components.get(id)) ?? Promise.reject(notFound('Component'))
}

export async function createComponent(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'component.write')
  const input = parseInput(createComponentInput, raw)
  const component = await deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.pages.get(input.page_id)))
      throw invalid('The request is invalid', [{ path: 'page_id', message: 'no such status page' }])
    await requireGroupOnPage(tx, input.group_id, input.page_id)
    const created = await tx.components.create({
      pageId: input.page_id,
      groupId: input.group_id,
      name: input.name,
      description: input.description,
      status: input.status,
      position: input.position,
      showcase: input.showcase,
      onlyShowIfDegraded: input.only_show_if_degraded,
      startDate: input.start_date,
    })
    await tx.components.recordStatusChange({
      componentId: created.id,
      oldStatus: null,
      newStatus: created.status,
      at: ctx.now,
    })
    return created
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: component.page_id })
  return component
}

export async function updateComponent(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'component.write')
  const input = parseInput(updateComponentInput, raw)
  const component = await deps.store.transaction(ctx.orgId, async (tx) => {
    const before = await tx.components.get(id)
    if (!before) throw notFound('Component')
    await requireGroupOnPage(tx, input.group_id, before.page_id)
    const after = await tx.components.update(
      id,
      {
        groupId: input.group_id,
        name: input.name,
        description: input.description,
        status: input.status,
        position: input.position,
        showcase: input.showcase,
        onlyShowIfDegraded: input.only_show_if_degraded,
        startDate: input.start_date,
      },
      ctx.now,
    )
    if (after && after.status !== before.status) {
      await tx.components.recordStatusChange({
        componentId: id,
        oldStatus: before.status,
        newStatus: after.status,
        at: ctx.now,
      })
    }
    return after!
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: component.page_id })
  return component
}

export async function deleteComponent(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'component.write')
  const component = await deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.components.get(id)
    if (!row || !(await tx.components.remove(id))) throw notFound('Component')
    return row
  })
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: component.page_id })
}

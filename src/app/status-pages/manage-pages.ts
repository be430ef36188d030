import { z } from 'zod'
import {
  colorSchema,
  hostnameSchema,
  httpUrlSchema,
  localeSchema,
  nameSchema,
  slugSchema,
  timeZoneSchema,
} from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { requirePermission } from '../authorize.js'
import { notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'

const brandingSchema = z
  .object({
    logoUrl: httpUrlSchema.optional(),
    brandColor: colorSchema.optional(),
    supportUrl: httpUrlSchema.optional(),
    url: httpUrlSchema.optional(),
  })
  .strict()

export const createPageInput = z
  .object({
    slug: slugSchema,
    name: nameSchema,
    locale: localeSchema.optional(),
    time_zone: timeZoneSchema.optional(),
    branding: brandingSchema.optional(),
    hostnames: z.array(hostnameSchema).max(20).optional(),
  })
  .strict()
export const updatePageInput = createPageInput.partial()

function toWrite(input: z.infer<typeof updatePageInput>) {
  return {
    slug: input.slug,
    name: input.name,
    locale: input.locale,
    timeZone: input.time_zone,
    branding: input.branding,
    hostnames: input.hostnames ? [...new Set(input.hostnames)] : undefined,
  }
}

export async function listPages(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'page.read')
  return deps.store.forOrg(ctx.orgId).pages.list()
}

export async function getPage(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'page.read')
  return (await deps.store.forOrg(ctx.orgId).pages.get(id)) ?? Promise.reject(notFound('Status page'))
}

export async function createPage(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'page.write')
  const input = parseInput(createPageInput, raw)
  const page = await deps.store.transaction(ctx.orgId, (tx) =>
    tx.pages.create({ ...toWrite(input), slug: input.slug, name: input.name }),
  )
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: page.id })
  return page
}

export async function updatePage(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'page.write')
  const input = parseInput(updatePageInput, raw)
  const page = await deps.store.transaction(ctx.orgId, (tx) => tx.pages.update(id, toWrite(input), ctx.now))
  if (!page) throw notFound('Status page')
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: page.id })
  return page
}

export async function deletePage(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'page.write')
  const removed = await deps.store.transaction(ctx.orgId, (tx) => tx.pages.remove(id))
  if (!removed) throw notFound('Status page')
  deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: id })
}

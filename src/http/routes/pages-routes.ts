import { z } from 'zod'
import {
  createPage,
  deletePage,
  getPage,
  listPages,
  updatePage,
  createPageInput,
  updatePageInput,
} from '../../app/status-pages/manage-pages.js'
import type { IdParams, RouteModule } from '../route-module.js'

const tags = ['Status pages']
const idParams = z.object({ id: z.uuid() })

export const pagesRoutes: RouteModule = (app, deps) => {
  app.get('/api/pages', { schema: { tags, summary: 'List status pages' } }, (req) => listPages(deps, req.ctx))
  app.post(
    '/api/pages',
    { schema: { tags, summary: 'Create a status page', body: createPageInput } },
    async (req, reply) => reply.code(201).send(await createPage(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/pages/:id',
    { schema: { tags, summary: 'Get a status page', params: idParams } },
    (req) => getPage(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/pages/:id',
    { schema: { tags, summary: 'Change a status page', params: idParams, body: updatePageInput } },
    (req) => updatePage(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/pages/:id',
    { schema: { tags, summary: 'Delete a status page', params: idParams } },
    async (req, reply) => {
      await deletePage(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )
}

import { z } from 'zod'
import {
  createComponent,
  createComponentInput,
  createGroup,
  createGroupInput,
  deleteComponent,
  deleteGroup,
  getComponent,
  getGroup,
  listComponents,
  listGroups,
  updateComponent,
  updateComponentInput,
  updateGroup,
  updateGroupInput,
} from '../../app/status-pages/manage-components.js'
import { parseInput } from '../../app/parse-input.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })
const pageFilter = z.object({ page_id: z.uuid().optional() }).strict()

export const componentsRoutes: RouteModule = (app, deps) => {
  const tags = ['Components']
  app.get(
    '/api/component-groups',
    { schema: { tags, summary: 'List component groups', querystring: pageFilter } },
    (req) => listGroups(deps, req.ctx, parseInput(pageFilter, req.query).page_id),
  )
  app.post(
    '/api/component-groups',
    { schema: { tags, summary: 'Create a component group', body: createGroupInput } },
    async (req, reply) => reply.code(201).send(await createGroup(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/component-groups/:id',
    { schema: { tags, summary: 'Get a component group', params: idParams } },
    (req) => getGroup(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/component-groups/:id',
    { schema: { tags, summary: 'Change a component group', params: idParams, body: updateGroupInput } },
    (req) => updateGroup(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/component-groups/:id',
    { schema: { tags, summary: 'Delete a component group', params: idParams } },
    async (req, reply) => {
      await deleteGroup(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  app.get('/api/components', { schema: { tags, summary: 'List components', querystring: pageFilter } }, (req) =>
    listComponents(deps, req.ctx, parseInput(pageFilter, req.query).page_id),
  )
  app.post(
    '/api/components',
    { schema: { tags, summary: 'Create a component', body: createComponentInput } },
    async (req, reply) => reply.code(201).send(await createComponent(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/components/:id',
    { schema: { tags, summary: 'Get a component', params: idParams } },
    (req) => getComponent(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/components/:id',
    { schema: { tags, summary: 'Change a component (its status too)', params: idParams, body: updateComponentInput } },
    (req) => updateComponent(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/components/:id',
    { schema: { tags, summary: 'Delete a component', params: idParams } },
    async (req, reply) => {
      await deleteComponent(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )
}

import { z } from 'zod'
import {
  createOrganisation,
  createOrganisationInput,
  deleteOrganisation,
  listOrganisations,
  renameOrganisation,
  renameOrganisationInput,
} from '../../app/instance/manage-organisations.js'
import type { IdParams, RouteModule } from '../route-module.js'

const tags = ['Instance']
const idParams = z.object({ id: z.uuid() })
const deleteQuery = z.object({ confirm: z.string().describe("the organisation's slug, again") })

/** The instance's own administration: organisations (instance admins only). */
export const instanceRoutes: RouteModule = (app, deps) => {
  app.get('/api/instance/organisations', { schema: { tags, summary: 'List every organisation' } }, (req) =>
    listOrganisations(deps, req.ctx),
  )
  app.post(
    '/api/instance/organisations',
    { schema: { tags, summary: 'Create an organisation and invite its owner', body: createOrganisationInput } },
    async (req, reply) => reply.code(201).send(await createOrganisation(deps, req.ctx, req.body)),
  )
  app.patch<{ Params: IdParams }>(
    '/api/instance/organisations/:id',
    { schema: { tags, summary: 'Rename an organisation', params: idParams, body: renameOrganisationInput } },
    (req) => renameOrganisation(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams; Querystring: { confirm?: string } }>(
    '/api/instance/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Delete an organisation and everything it holds',
        params: idParams,
        querystring: deleteQuery,
      },
    },
    async (req, reply) => {
      await deleteOrganisation(deps, req.ctx, req.params.id, req.query.confirm)
      return reply.code(204).send()
    },
  )
}

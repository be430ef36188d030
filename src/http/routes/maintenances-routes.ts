import { z } from 'zod'
import {
  createMaintenance,
  createMaintenanceInput,
  deleteMaintenance,
  getMaintenance,
  listMaintenances,
  updateMaintenance,
  updateMaintenanceInput,
} from '../../app/maintenances/manage-maintenances.js'
import { parseInput } from '../../app/parse-input.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })
const pageFilter = z.object({ page_id: z.uuid().optional() }).strict()

export const maintenancesRoutes: RouteModule = (app, deps) => {
  const tags = ['Scheduled maintenance']
  app.get(
    '/api/maintenances',
    { schema: { tags, summary: 'List scheduled maintenances', querystring: pageFilter } },
    (req) => listMaintenances(deps, req.ctx, parseInput(pageFilter, req.query).page_id),
  )
  app.post(
    '/api/maintenances',
    { schema: { tags, summary: 'Schedule a maintenance', body: createMaintenanceInput } },
    async (req, reply) => reply.code(201).send(await createMaintenance(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/maintenances/:id',
    { schema: { tags, summary: 'Get a maintenance', params: idParams } },
    (req) => getMaintenance(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/maintenances/:id',
    { schema: { tags, summary: 'Change or progress a maintenance', params: idParams, body: updateMaintenanceInput } },
    (req) => updateMaintenance(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/maintenances/:id',
    { schema: { tags, summary: 'Cancel a maintenance', params: idParams } },
    async (req, reply) => {
      await deleteMaintenance(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )
}

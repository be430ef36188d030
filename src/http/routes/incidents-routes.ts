import { z } from 'zod'
import { createIncident } from '../../app/incidents/create-incident.js'
import {
  createIncidentInput,
  editUpdateInput,
  postUpdateInput,
  updateIncidentInput,
} from '../../app/incidents/incident-input.js'
import {
  deleteIncident,
  editIncidentUpdate,
  getIncident,
  listIncidentUpdates,
  listIncidents,
  listIncidentsQuery,
  updateIncident,
} from '../../app/incidents/manage-incidents.js'
import { postIncidentUpdate } from '../../app/incidents/post-incident-update.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })
const updateParams = z.object({ id: z.uuid(), updateId: z.uuid() })

export const incidentsRoutes: RouteModule = (app, deps) => {
  const tags = ['Incidents']
  app.get(
    '/api/incidents',
    { schema: { tags, summary: 'List incidents, newest first', querystring: listIncidentsQuery } },
    (req) => listIncidents(deps, req.ctx, req.query),
  )
  app.post(
    '/api/incidents',
    {
      schema: {
        tags,
        summary: 'Open an incident (in triage, or public with its first update)',
        body: createIncidentInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createIncident(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/incidents/:id',
    { schema: { tags, summary: 'Get an incident with its updates', params: idParams } },
    (req) => getIncident(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Change title, severity, impact, type or page',
        params: idParams,
        body: updateIncidentInput,
      },
    },
    (req) => updateIncident(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/incidents/:id',
    { schema: { tags, summary: 'Delete an incident', params: idParams } },
    async (req, reply) => {
      await deleteIncident(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )
  app.get<{ Params: IdParams }>(
    '/api/incidents/:id/updates',
    { schema: { tags, summary: 'List the updates of an incident', params: idParams } },
    (req) => listIncidentUpdates(deps, req.ctx, req.params.id),
  )
  app.post<{ Params: IdParams }>(
    '/api/incidents/:id/updates',
    {
      schema: {
        tags,
        summary: 'Post an update (moves the incident to its status)',
        params: idParams,
        body: postUpdateInput,
      },
    },
    async (req, reply) => {
      const result = await postIncidentUpdate(deps, req.ctx, req.params.id, req.body)
      return reply.code(201).send({ ...result.update, incident: result.incident, reopened: result.reopened })
    },
  )
  app.patch<{ Params: { id: string; updateId: string } }>(
    '/api/incidents/:id/updates/:updateId',
    { schema: { tags, summary: "Correct an update's text", params: updateParams, body: editUpdateInput } },
    (req) => editIncidentUpdate(deps, req.ctx, req.params.id, req.params.updateId, req.body),
  )
}

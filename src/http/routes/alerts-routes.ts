import { z } from 'zod'
import { getAlert, listAlerts, listAlertsQuery } from '../../app/intake/list-alerts.js'
import {
  createIntegration,
  createIntegrationInput,
  deleteIntegration,
  getIntegration,
  listIntegrations,
} from '../../app/intake/manage-integrations.js'
import {
  createRoutingRule,
  deleteRoutingRule,
  getRoutingRule,
  listRoutingRules,
  updateRoutingRule,
} from '../../app/intake/manage-routing-rules.js'
import { createRoutingRuleInput, updateRoutingRuleInput } from '../../app/intake/routing-rule-input.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })

export const alertsRoutes: RouteModule = (app, deps) => {
  const integrations = ['Integrations']
  app.get(
    '/api/integrations',
    { schema: { tags: integrations, summary: 'List alert integrations (keys are never shown again)' } },
    (req) => listIntegrations(deps, req.ctx),
  )
  app.post(
    '/api/integrations',
    {
      schema: {
        tags: integrations,
        summary: 'Create an integration; the answer holds its key and where to send alerts',
        body: createIntegrationInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createIntegration(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/integrations/:id',
    { schema: { tags: integrations, summary: 'Get an integration', params: idParams } },
    (req) => getIntegration(deps, req.ctx, req.params.id),
  )
  app.delete<{ Params: IdParams }>(
    '/api/integrations/:id',
    { schema: { tags: integrations, summary: 'Delete an integration, its key, alerts and events', params: idParams } },
    async (req, reply) => {
      await deleteIntegration(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  const rules = ['Routing rules']
  app.get(
    '/api/routing-rules',
    { schema: { tags: rules, summary: 'List routing rules in the order they are tried' } },
    (req) => listRoutingRules(deps, req.ctx),
  )
  app.post(
    '/api/routing-rules',
    { schema: { tags: rules, summary: 'Create a routing rule', body: createRoutingRuleInput } },
    async (req, reply) => reply.code(201).send(await createRoutingRule(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/routing-rules/:id',
    { schema: { tags: rules, summary: 'Get a routing rule', params: idParams } },
    (req) => getRoutingRule(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/routing-rules/:id',
    { schema: { tags: rules, summary: 'Change a routing rule', params: idParams, body: updateRoutingRuleInput } },
    (req) => updateRoutingRule(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/routing-rules/:id',
    { schema: { tags: rules, summary: 'Delete a routing rule', params: idParams } },
    async (req, reply) => {
      await deleteRoutingRule(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  const alerts = ['Alerts']
  app.get(
    '/api/alerts',
    { schema: { tags: alerts, summary: 'List alerts, most recently seen first', querystring: listAlertsQuery } },
    (req) => listAlerts(deps, req.ctx, req.query),
  )
  app.get<{ Params: IdParams }>(
    '/api/alerts/:id',
    { schema: { tags: alerts, summary: 'Get an alert with its latest raw events', params: idParams } },
    (req) => getAlert(deps, req.ctx, req.params.id),
  )
}

import { z } from 'zod'
import { acknowledgeAlert } from '../../app/intake/acknowledge-alert.js'
import { getAlert, listAlerts, listAlertsQuery, listIncidentAlerts } from '../../app/intake/list-alerts.js'
import { openIncidentFromAlert, openIncidentFromAlertInput } from '../../app/intake/open-incident-from-alert.js'
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
    {
      schema: {
        tags: alerts,
        summary: 'Get an alert: labels, annotations, runbook and source links, its incident and latest raw events',
        params: idParams,
      },
    },
    (req) => getAlert(deps, req.ctx, req.params.id),
  )
  app.post<{ Params: IdParams }>(
    '/api/alerts/:id/acknowledge',
    { schema: { tags: alerts, summary: 'Acknowledge an alert (its pages stop escalating)', params: idParams } },
    (req) => acknowledgeAlert(deps, req.ctx, req.params.id),
  )
  app.post<{ Params: IdParams }>(
    '/api/alerts/:id/open-incident',
    {
      schema: {
        tags: alerts,
        summary: 'Open an incident in triage from an alert (title, severity and page from it), the alert attached',
        params: idParams,
        body: openIncidentFromAlertInput.optional(),
      },
    },
    async (req, reply) => reply.code(201).send(await openIncidentFromAlert(deps, req.ctx, req.params.id, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/incidents/:id/alerts',
    { schema: { tags: alerts, summary: 'The alerts attached to an incident', params: idParams } },
    (req) => listIncidentAlerts(deps, req.ctx, req.params.id),
  )
}

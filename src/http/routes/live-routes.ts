import { z } from 'zod'
import { checkWatchIncident, checkWatchIncidents } from '../../app/incidents/watch-incidents.js'
import { incidentStreamKey, orgStreamKey } from '../live/console-events.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })

/**
 * Server-sent events for the console: `event: changed` with `{"incident_id", "kind"}` whenever
 * something on an incident changes (and, org-wide, when alerts arrive); a comment every 15 s.
 */
export const liveRoutes: RouteModule = (app, deps) => {
  const tags = ['Live updates']
  const hub = deps.consoleEvents.hub
  // Open streams would keep the server from closing.
  app.addHook('preClose', async () => hub.closeAll())
  app.get(
    '/api/events',
    { schema: { tags, summary: 'Live changes of the organisation (text/event-stream): incidents and alerts' } },
    async (req, reply) => {
      checkWatchIncidents(req.ctx)
      reply.hijack()
      hub.open(orgStreamKey(req.ctx.orgId), reply.raw)
    },
  )
  app.get<{ Params: IdParams }>(
    '/api/incidents/:id/events',
    { schema: { tags, summary: 'Live changes of one incident (text/event-stream)', params: idParams } },
    async (req, reply) => {
      await checkWatchIncident(deps, req.ctx, req.params.id)
      reply.hijack()
      hub.open(incidentStreamKey(req.ctx.orgId, req.params.id), reply.raw)
    },
  )
}

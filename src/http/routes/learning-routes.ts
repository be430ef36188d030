import { z } from 'zod'
import {
  createActionItem,
  deleteActionItem,
  getActionItem,
  listActionItems,
  updateActionItem,
} from '../../app/postmortems/manage-action-items.js'
import {
  createPostmortem,
  editPostmortem,
  getPostmortem,
  regeneratePostmortemTimeline,
  skipPostmortem,
} from '../../app/postmortems/manage-postmortem.js'
import * as inputs from '../../app/postmortems/postmortem-input.js'
import { publishPostmortem } from '../../app/postmortems/publish-postmortem.js'
import {
  getScorecard,
  listScorecards,
  listScorecardsQuery,
  tickInput,
  tickScorecardItem,
  untickScorecardItem,
} from '../../app/scorecards/scorecards.js'
import { scorecardItems } from '../../domain/scorecard/scorecard-items.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })
const itemParams = z.object({ id: z.uuid(), key: z.enum(scorecardItems.map((i) => i.key) as [string, ...string[]]) })
type ItemParams = { id: string; key: string }

/** After an incident (PRODUCT.md §5): postmortems, action items and the process scorecard. */
export const learningRoutes: RouteModule = (app, deps) => {
  const tags = ['Postmortems']
  const path = '/api/incidents/:id/postmortem'
  app.get<{ Params: IdParams }>(
    path,
    {
      schema: {
        tags,
        summary: 'The postmortem: internal and public versions, factors, action items; ?format=markdown&version=…',
        params: idParams,
        querystring: inputs.postmortemQuery,
      },
    },
    async (req, reply) => {
      const result = await getPostmortem(deps, req.ctx, req.params.id, req.query)
      if (result.format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(result.markdown)
      return result.view
    },
  )
  app.post<{ Params: IdParams }>(
    path,
    {
      schema: {
        tags,
        summary: 'Start the postmortem from the template (scope, impact, timeline drafted)',
        params: idParams,
        body: inputs.createPostmortemInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createPostmortem(deps, req.ctx, req.params.id, req.body)),
  )
  app.patch<{ Params: IdParams }>(
    path,
    {
      schema: {
        tags,
        summary: 'Edit sections of either version and the contributing factors',
        params: idParams,
        body: inputs.editPostmortemInput,
      },
    },
    (req) => editPostmortem(deps, req.ctx, req.params.id, req.body),
  )
  app.post<{ Params: IdParams }>(
    `${path}/timeline`,
    {
      schema: {
        tags,
        summary: "Generate the timeline section again from the incident's timeline",
        params: idParams,
        body: inputs.regenerateTimelineInput,
      },
    },
    (req) => regeneratePostmortemTimeline(deps, req.ctx, req.params.id, req.body),
  )
  app.post<{ Params: IdParams }>(
    `${path}/publish`,
    {
      schema: {
        tags,
        summary: "Publish the public version on the incident's status-page entry; subscribers are told",
        params: idParams,
        body: inputs.publishPostmortemInput,
      },
    },
    (req) => publishPostmortem(deps, req.ctx, req.params.id, req.body),
  )
  app.post<{ Params: IdParams }>(
    `${path}/skip`,
    {
      schema: {
        tags,
        summary: 'Skip the postmortem of a less severe incident, saying why',
        params: idParams,
        body: inputs.skipPostmortemInput,
      },
    },
    (req) => skipPostmortem(deps, req.ctx, req.params.id, req.body),
  )

  const itemTags = ['Action items']
  app.get(
    '/api/action-items',
    {
      schema: {
        tags: itemTags,
        summary: 'Action items across incidents, soonest due first (?state=open&overdue=true)',
        querystring: inputs.listActionItemsQuery,
      },
    },
    (req) => listActionItems(deps, req.ctx, req.query),
  )
  app.post<{ Params: IdParams }>(
    '/api/incidents/:id/action-items',
    {
      schema: {
        tags: itemTags,
        summary: 'Add an action item (owner, due date) to an incident',
        params: idParams,
        body: inputs.createActionItemInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createActionItem(deps, req.ctx, req.params.id, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/action-items/:id',
    { schema: { tags: itemTags, summary: 'One action item', params: idParams } },
    (req) => getActionItem(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/action-items/:id',
    {
      schema: {
        tags: itemTags,
        summary: 'Change an action item: title, owner, due date, state (open, done, cancelled), tags',
        params: idParams,
        body: inputs.updateActionItemInput,
      },
    },
    (req) => updateActionItem(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/action-items/:id',
    { schema: { tags: itemTags, summary: 'Delete an action item', params: idParams } },
    async (req, reply) => {
      await deleteActionItem(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  const scoreTags = ['Scorecards']
  app.get(
    '/api/scorecards',
    {
      schema: {
        tags: scoreTags,
        summary: 'A score per incident and drill, newest first',
        querystring: listScorecardsQuery,
      },
    },
    (req) => listScorecards(deps, req.ctx, req.query),
  )
  app.get<{ Params: IdParams }>(
    '/api/incidents/:id/scorecard',
    {
      schema: {
        tags: scoreTags,
        summary: 'The process scorecard: each role’s steps, scored from the timeline or by a reviewer',
        params: idParams,
      },
    },
    (req) => getScorecard(deps, req.ctx, req.params.id),
  )
  app.post<{ Params: ItemParams }>(
    '/api/incidents/:id/scorecard/items/:key',
    {
      schema: {
        tags: scoreTags,
        summary: 'A reviewer ticks an item met, missed or not applicable, with a note',
        params: itemParams,
        body: tickInput,
      },
    },
    (req) => tickScorecardItem(deps, req.ctx, req.params.id, req.params.key, req.body),
  )
  app.delete<{ Params: ItemParams }>(
    '/api/incidents/:id/scorecard/items/:key',
    { schema: { tags: scoreTags, summary: "Take a reviewer's tick back", params: itemParams } },
    (req) => untickScorecardItem(deps, req.ctx, req.params.id, req.params.key),
  )
}

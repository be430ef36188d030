import { Readable } from 'node:stream'
import { z } from 'zod'
import { getUpdateDeliveries } from '../../app/subscribers/delivery-status.js'
import { exportSubscribers, importOptionsInput, importSubscribers } from '../../app/subscribers/import-export.js'
import {
  bulkRemoveSubscribers,
  createSubscriber,
  getSubscriber,
  listSubscribers,
  removeSubscriber,
  updateSubscriber,
} from '../../app/subscribers/manage-subscribers.js'
import {
  bulkRemoveInput,
  createSubscriberInput,
  deliveriesQuery,
  listSubscribersQuery,
  updateSubscriberInput,
} from '../../app/subscribers/subscriber-input.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })
const updateParams = z.object({ id: z.uuid(), updateId: z.uuid() })

/**
 * Subscribers of a page (list, search, add, change, remove, import and export CSV) and the delivery
 * status of each update.
 */
export const subscribersRoutes: RouteModule = async (app, deps) => {
  await app.register(async (scope) => {
    const tags = ['Subscribers']
    // 100,000 rows of CSV are a few megabytes; only the import route takes them.
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    )

    scope.get<{ Params: IdParams }>(
      '/api/pages/:id/subscribers',
      {
        schema: {
          tags,
          summary: 'List or search the subscribers of a page (address prefix, channel, state)',
          params: idParams,
          querystring: listSubscribersQuery,
        },
      },
      (req) => listSubscribers(deps, req.ctx, req.params.id, req.query),
    )
    scope.post<{ Params: IdParams }>(
      '/api/pages/:id/subscribers',
      {
        schema: {
          tags,
          summary: 'Add an email, webhook or Slack subscriber (webhooks get their signing secret once, here)',
          params: idParams,
          body: createSubscriberInput,
        },
      },
      async (req, reply) => reply.code(201).send(await createSubscriber(deps, req.ctx, req.params.id, req.body)),
    )
    scope.post<{ Params: IdParams }>(
      '/api/pages/:id/subscribers/bulk-delete',
      {
        schema: {
          tags,
          summary: 'Remove many subscribers: by ids, by filter, or all',
          params: idParams,
          body: bulkRemoveInput,
        },
      },
      (req) => bulkRemoveSubscribers(deps, req.ctx, req.params.id, req.body),
    )
    scope.post<{ Params: IdParams; Querystring: unknown }>(
      '/api/pages/:id/subscribers/import',
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          tags,
          summary:
            'Import subscribers from CSV ' +
            '(text/csv body; columns email or channel+address, locale, components, confirmed)',
          params: idParams,
          querystring: importOptionsInput,
        },
      },
      (req) => importSubscribers(deps, req.ctx, req.params.id, typeof req.body === 'string' ? req.body : '', req.query),
    )
    scope.get<{ Params: IdParams }>(
      '/api/pages/:id/subscribers/export',
      { schema: { tags, summary: 'Export the subscribers of a page as CSV', params: idParams } },
      async (req, reply) => {
        const chunks = exportSubscribers(deps, req.ctx, req.params.id)
        // Pull the first chunk before answering, so a permission or not-found error becomes problem+json.
        const first = await chunks.next()
        const stream = Readable.from(
          (async function* () {
            if (!first.done) yield first.value
            yield* chunks
          })(),
        )
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="subscribers.csv"')
          .send(stream)
      },
    )
    scope.get<{ Params: IdParams }>(
      '/api/subscribers/:id',
      { schema: { tags, summary: 'Get a subscriber with its recent deliveries', params: idParams } },
      (req) => getSubscriber(deps, req.ctx, req.params.id),
    )
    scope.patch<{ Params: IdParams }>(
      '/api/subscribers/:id',
      {
        schema: {
          tags,
          summary: 'Change components, locale or audience; re-activate or unsubscribe',
          params: idParams,
          body: updateSubscriberInput,
        },
      },
      (req) => updateSubscriber(deps, req.ctx, req.params.id, req.body),
    )
    scope.delete<{ Params: IdParams }>(
      '/api/subscribers/:id',
      { schema: { tags, summary: 'Remove a subscriber', params: idParams } },
      async (req, reply) => {
        await removeSubscriber(deps, req.ctx, req.params.id)
        return reply.code(204).send()
      },
    )
    scope.get<{ Params: { id: string; updateId: string } }>(
      '/api/incidents/:id/updates/:updateId/deliveries',
      {
        schema: {
          tags: ['Subscribers', 'Incidents'],
          summary: 'Delivery status of an update: counts by status and each recipient',
          params: updateParams,
          querystring: deliveriesQuery,
        },
      },
      (req) => getUpdateDeliveries(deps, req.ctx, req.params.id, req.params.updateId, req.query),
    )
  })
}

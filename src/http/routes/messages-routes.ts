import { listMessages, listMessagesQuery } from '../../app/messages/list-messages.js'
import type { RouteModule } from '../route-module.js'

/** The one outbox as people read it: what was sent to whom, and how it went. */
export const messagesRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/messages',
    {
      schema: {
        tags: ['Messages'],
        summary: 'Every outbound message (subscriber email and webhooks, pages, notices, account mail) and its state',
        querystring: listMessagesQuery,
      },
    },
    (req) => listMessages(deps, req.ctx, req.query),
  )
}

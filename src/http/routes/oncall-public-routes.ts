import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  actOnPageLink,
  pageLinkActions,
  previewPageLink,
  type PageLinkAction,
  type PageLinkOutcome,
} from '../../app/oncall/page-links.js'
import { readCalendarFeedToken, renderFeed } from '../../app/oncall/shift-calendar.js'
import type { HttpDeps } from '../http-deps.js'
import type { RouteModule } from '../route-module.js'
import { sendProblem } from '../problem.js'
import { checkInLinkRoutes } from './oncall-check-in-routes.js'
import { escapeHtml } from '../../text/escape-html.js'
import { confirmForm, htmlPage } from './oncall-link-html.js'
import { linkPageReferrerPolicy } from '../accounts/csrf-guard.js'

const linkParams = z.object({ action: z.enum(pageLinkActions) })
const tokenQuery = z.object({ token: z.string().min(1).max(4096) })

const verbs: Record<PageLinkAction, string> = { acknowledge: 'Acknowledge', escalate: 'Escalate to the next level' }

const messages: Record<PageLinkOutcome['result'], string> = {
  done: 'Done.',
  'already-used': 'This link was used already; each link works once.',
  'nothing-to-do': 'Nothing changed.',
  invalid: 'This link is not valid.',
  expired: 'This link has expired. Open the page in Candor instead.',
  'not-found': 'This page no longer exists.',
}
const statusOf: Record<PageLinkOutcome['result'], number> = {
  done: 200,
  'already-used': 409,
  'nothing-to-do': 200,
  invalid: 404,
  expired: 410,
  'not-found': 404,
}

function reply(
  request: FastifyRequest,
  reply: FastifyReply,
  action: PageLinkAction,
  outcome: PageLinkOutcome,
  form?: string,
) {
  reply.header('cache-control', 'no-store').header('referrer-policy', linkPageReferrerPolicy)
  if (request.headers.accept?.includes('application/json'))
    return reply.code(statusOf[outcome.result]).send({ action, ...outcome })
  const summary =
    'page' in outcome
      ? `<p>${escapeHtml(outcome.page.summary)} — <strong>${escapeHtml(outcome.page.status)}</strong></p>`
      : ''
  const detail = 'detail' in outcome && outcome.detail ? `<p>(${escapeHtml(outcome.detail.replace('-', ' '))})</p>` : ''
  const text = form ? '' : `<p>${escapeHtml(messages[outcome.result])}</p>`
  return reply
    .code(statusOf[outcome.result])
    .type('text/html; charset=utf-8')
    .send(htmlPage(verbs[action], summary + text + detail + (form ?? '')))
}

/**
 * The signed links in page notifications and role notices, and the calendar feeds. Opening a
 * link only shows a button: mail scanners open links, so only the POST acts (and spends the link).
 */
export const oncallPublicRoutes: RouteModule = async (parent, deps: HttpDeps) => {
  await parent.register(async (app) => {
    // The confirmation form posts no fields; its empty urlencoded body needs a parser (in this scope only).
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, _body, done) => done(null, {}),
    )
    linkRoutes(app, deps)
    checkInLinkRoutes(app, deps)
  })
}

function linkRoutes(app: FastifyInstance, deps: HttpDeps) {
  const tags = ['Paging']
  app.get<{ Params: { action: PageLinkAction } }>(
    '/oncall/links/:action',
    { schema: { tags, summary: 'Landing page of a signed page link', params: linkParams, querystring: tokenQuery } },
    async (req, res) => {
      const params = linkParams.safeParse(req.params)
      const query = tokenQuery.safeParse(req.query)
      if (!params.success || !query.success)
        return sendProblem(res, { status: 404, code: 'NOT_FOUND', title: 'No such link' })
      const outcome = await previewPageLink(deps, params.data.action, query.data.token, deps.clock())
      const isLive = outcome.result === 'nothing-to-do' && 'page' in outcome && outcome.page.status !== 'resolved'
      const form = isLive ? confirmForm(verbs[params.data.action]) : undefined
      return reply(req, res, params.data.action, outcome, form)
    },
  )
  app.post<{ Params: { action: PageLinkAction } }>(
    '/oncall/links/:action',
    { schema: { tags, summary: 'Act on a signed page link (once)', params: linkParams, querystring: tokenQuery } },
    async (req, res) => {
      const params = linkParams.safeParse(req.params)
      const query = tokenQuery.safeParse(req.query)
      if (!params.success || !query.success)
        return sendProblem(res, { status: 404, code: 'NOT_FOUND', title: 'No such link' })
      return reply(
        req,
        res,
        params.data.action,
        await actOnPageLink(deps, params.data.action, query.data.token, deps.clock()),
      )
    },
  )
  app.get(
    '/oncall/calendar.ics',
    {
      schema: {
        tags: ['On-call schedules'],
        summary: 'iCalendar feed of a schedule or a person (secret URL)',
        querystring: tokenQuery,
      },
    },
    async (req, res) => {
      const query = tokenQuery.safeParse(req.query)
      const subject = query.success ? readCalendarFeedToken(deps, query.data.token, deps.clock()) : null
      if (!subject) return sendProblem(res, { status: 404, code: 'NOT_FOUND', title: 'No such calendar' })
      const body = await renderFeed(deps, subject, deps.clock())
      return res.header('cache-control', 'private, max-age=300').type('text/calendar; charset=utf-8').send(body)
    },
  )
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { actOnCheckInLink, previewCheckInLink, type CheckInLinkOutcome } from '../../app/oncall/check-in-links.js'
import type { HttpDeps } from '../http-deps.js'
import { sendProblem } from '../problem.js'
import { escapeHtml } from '../../text/escape-html.js'
import { confirmForm, htmlPage } from './oncall-link-html.js'
import { linkPageReferrerPolicy } from '../accounts/csrf-guard.js'

const tokenQuery = z.object({ token: z.string().min(1).max(4096) })

type Result = CheckInLinkOutcome['result']

const messages: Record<Result, string> = {
  ready: '',
  done: 'You are checked in. It is on the incident timeline.',
  'already-checked-in': 'You had already checked in; nothing changed.',
  'already-used': 'This link was used already; each link works once.',
  refused: 'The check-in was refused.',
  invalid: 'This link is not valid.',
  expired: 'This link has expired. Check in from the incident in Candor instead.',
  'not-found': 'This incident or person no longer exists.',
}
const statusOf: Record<Result, number> = {
  ready: 200,
  done: 200,
  'already-checked-in': 200,
  'already-used': 409,
  refused: 409,
  invalid: 404,
  expired: 410,
  'not-found': 404,
}
const problemCode: Partial<Record<Result, string>> = {
  'already-used': 'LINK_USED',
  refused: 'CONFLICT',
  invalid: 'NOT_FOUND',
  expired: 'LINK_EXPIRED',
  'not-found': 'NOT_FOUND',
}

function reply(request: FastifyRequest, res: FastifyReply, outcome: CheckInLinkOutcome) {
  res.header('cache-control', 'no-store').header('referrer-policy', linkPageReferrerPolicy)
  const status = statusOf[outcome.result]
  const detail = 'detail' in outcome ? outcome.detail : undefined
  if (request.headers.accept?.includes('application/json')) {
    const code = problemCode[outcome.result]
    if (code) return sendProblem(res, { status, code, title: messages[outcome.result], ...(detail ? { detail } : {}) })
    return res.code(status).send(outcome)
  }
  const known = 'incident' in outcome
  const title = known ? `Check in as ${outcome.role.name}` : 'Check in'
  const about = known
    ? `<p>${escapeHtml(outcome.person.name)} — ${escapeHtml(outcome.incident.title)} ` +
      `(<strong>${escapeHtml(outcome.incident.status)}</strong>)</p>`
    : ''
  const text = outcome.result === 'ready' ? confirmForm('Check in') : `<p>${escapeHtml(messages[outcome.result])}</p>`
  const why = detail ? `<p>(${escapeHtml(detail)})</p>` : ''
  return res
    .code(status)
    .type('text/html; charset=utf-8')
    .send(htmlPage(title, about + text + why))
}

/**
 * The check-in link in a role notice. GET only shows who, which incident and which role, with a
 * button; the POST checks in (once). Registered in the public on-call scope, which parses the
 * button's empty form body.
 */
export function checkInLinkRoutes(app: FastifyInstance, deps: HttpDeps) {
  const tags = ['Incident process']
  app.get(
    '/oncall/check-in',
    { schema: { tags, summary: 'Landing page of a signed check-in link', querystring: tokenQuery } },
    async (req, res) => {
      const query = tokenQuery.safeParse(req.query)
      if (!query.success) return sendProblem(res, { status: 404, code: 'NOT_FOUND', title: 'No such link' })
      return reply(req, res, await previewCheckInLink(deps, query.data.token, deps.clock()))
    },
  )
  app.post(
    '/oncall/check-in',
    { schema: { tags, summary: 'Check in to an incident role through a signed link (once)', querystring: tokenQuery } },
    async (req, res) => {
      const query = tokenQuery.safeParse(req.query)
      if (!query.success) return sendProblem(res, { status: 404, code: 'NOT_FOUND', title: 'No such link' })
      return reply(req, res, await actOnCheckInLink(deps, query.data.token, deps.clock()))
    },
  )
}

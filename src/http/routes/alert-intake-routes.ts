// Loads @fastify/rate-limit's route-config types; the plugin itself is registered by the security setup.
import type {} from '@fastify/rate-limit'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AppError } from '../../domain/app-error.js'
import { translateDbError } from '../../store/db-errors.js'
import { pagerDutyAccepted, pagerDutyInvalid } from '../../intake/payloads/pagerduty.js'
import { receiveAlerts, receivePagerDutyEvent, type Received } from '../../intake/receive-alerts.js'
import { statusOf } from '../problem.js'
import type { RouteModule } from '../route-module.js'

const unsupportedMediaType = (message: string) => Object.assign(new Error(message), { statusCode: 415 })
const isJson = (request: FastifyRequest) =>
  /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(request.headers['content-type'] ?? '')
const keyParams = z.object({ key: z.string().describe('the integration key') })

/** Replays are refused when the sender names its request; tools that do not are deduplicated by key anyway. */
function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key']
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new AppError('VALIDATION', 'The Idempotency-Key header must be 1–200 visible ASCII characters')
  }
  return value
}

function answer(reply: FastifyReply, received: Received) {
  if (received.ok) {
    return reply.code(202).send({
      status: 'accepted',
      alerts: received.results.map((r) => ({
        dedup_key: r.dedupKey,
        change: r.change,
        alert_id: r.alertId,
        incident_id: r.incidentId,
      })),
    })
  }
  if (received.reason === 'invalid') throw new AppError('VALIDATION', 'The alert payload is invalid', received.problems)
  throw new AppError(
    'NOT_FOUND',
    received.reason === 'wrong_kind' ? 'This key belongs to another kind of integration' : 'Unknown integration key',
    received.problems,
  )
}

const PAGERDUTY_BODY_LIMIT = 512 * 1024

// An alert storm from one Alertmanager must not trip the per-IP limit meant for people; each
// integration key gets its own generous bucket (10,000 alerts/s) that still stops a runaway sender.
const INTAKE_PER_MINUTE = 600_000
const perKeyRateLimit = {
  rateLimit: {
    max: INTAKE_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `intake:${(request.params as { key?: string }).key ?? request.ip}`,
  },
}

/** PagerDuty clients read PagerDuty's shapes, so even framework errors answer in them. */
function pagerDutyErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 500
  if (status === 429 || (error instanceof AppError && error.code === 'RATE_LIMITED')) {
    return reply.code(429).send({
      status: 'throttle event',
      message: 'Requests for this service are arriving too quickly. Please retry later.',
    })
  }
  if (error instanceof AppError || translateDbError(error) || status >= 500) {
    const appError = error instanceof AppError ? error : translateDbError(error)
    if (appError?.code === 'CONFLICT') return reply.code(409).send(pagerDutyInvalid([appError.message]))
    if (appError?.code === 'VALIDATION') return reply.code(400).send(pagerDutyInvalid([appError.message]))
    // Refusals from the shared guards (a forged session cookie without its CSRF token, …) keep their 4xx.
    if (appError && statusOf(appError) < 500)
      return reply
        .code(statusOf(appError))
        .send({ status: 'refused', message: appError.message, errors: [appError.message] })
    request.log.error({ err: error }, 'PagerDuty intake failed')
    return reply
      .code(appError?.code === 'UNAVAILABLE' ? 503 : 500)
      .send({ status: 'error', message: 'Internal error, retry later' })
  }
  if (status === 413)
    return reply
      .code(400)
      .send(pagerDutyInvalid([`Event is too large (the limit is ${PAGERDUTY_BODY_LIMIT / 1024} KB)`]))
  return reply.code(400).send({
    status: 'Unrecognized object',
    message: 'Event object format is unrecognized',
    errors: ['JSON parse error'],
  })
}

export const alertIntakeRoutes: RouteModule = (app, deps) => {
  const tags = ['Alert intake']
  app.post<{ Params: { key: string } }>(
    '/api/intake/alertmanager/:key',
    {
      schema: { tags, summary: 'Prometheus Alertmanager webhook receiver (payload version 4)', params: keyParams },
      bodyLimit: 4 * 1024 * 1024,
      config: perKeyRateLimit,
    },
    async (request, reply) => {
      if (!isJson(request)) throw unsupportedMediaType('Send the alerts as Content-Type: application/json')
      return answer(
        reply,
        await receiveAlerts(deps, 'alertmanager', request.params.key, request.body, {
          receivedAt: deps.clock(),
          ...optionalKey(request),
        }),
      )
    },
  )
  app.post<{ Params: { key: string } }>(
    '/api/intake/webhook/:key',
    {
      schema: {
        tags,
        summary: "Candor's generic JSON alert webhook (one alert or {alerts: [...]}); see src/intake/README.md",
        params: keyParams,
      },
      bodyLimit: 1024 * 1024,
      config: perKeyRateLimit,
    },
    async (request, reply) => {
      if (!isJson(request)) throw unsupportedMediaType('Send the alert as Content-Type: application/json')
      return answer(
        reply,
        await receiveAlerts(deps, 'webhook', request.params.key, request.body, {
          receivedAt: deps.clock(),
          ...optionalKey(request),
        }),
      )
    },
  )
  app.post(
    '/v2/enqueue',
    {
      schema: {
        tags,
        summary:
          'PagerDuty Events API v2 compatible: trigger, acknowledge, resolve (routing_key names the integration)',
      },
      bodyLimit: PAGERDUTY_BODY_LIMIT,
      errorHandler: pagerDutyErrorHandler,
      config: perKeyRateLimit,
    },
    async (request, reply) => {
      if (!isJson(request))
        return reply.code(400).send({
          status: 'Unrecognized object',
          message: 'Event object format is unrecognized',
          errors: ['Content-Type must be application/json'],
        })
      const received = await receivePagerDutyEvent(deps, request.body, {
        receivedAt: deps.clock(),
        ...optionalKey(request),
      })
      if (!received.ok) return reply.code(400).send(pagerDutyInvalid(received.errors))
      return reply.code(202).send(pagerDutyAccepted(received.dedupKey))
    },
  )
}

function optionalKey(request: FastifyRequest): { idempotencyKey?: string } {
  const key = idempotencyKey(request)
  return key === undefined ? {} : { idempotencyKey: key }
}

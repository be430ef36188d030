import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { redactSecrets } from '../../app/accounts/audit.js'
import { auditRowFor, type ChangeAudit, runWithChangeAudit } from '../../store/change-audit.js'
import type { HttpDeps } from '../http-deps.js'

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const maxJsonBytes = 64 * 1024
const internalHeader = 'x-candor-internal'
const internalSecret = randomBytes(16).toString('hex')

/** Requests this module makes to itself (reading an object's "before") skip limits and auditing. */
export function isInternalRequest(request: FastifyRequest): boolean {
  return request.headers[internalHeader] === internalSecret
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The use case writes its own audit row (with before/after), so the generic one is skipped. */
    audited?: boolean
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The object as its GET route showed it before this change (read in preHandler). */
    auditBefore?: unknown
    /** The audit row this change owes; written by the change's own transaction when it has one. */
    changeAudit?: ChangeAudit
  }
}

function bounded(value: unknown): unknown {
  if (value === undefined || value === null) return null
  let text: string
  try {
    text = JSON.stringify(redactSecrets(value))
  } catch {
    return { unreadable: true }
  }
  return text.length > maxJsonBytes ? { truncated: true, bytes: text.length } : JSON.parse(text)
}

const applies = (request: FastifyRequest) =>
  unsafe.has(request.method) &&
  request.ctx &&
  request.routeOptions.config?.audited !== true &&
  !isInternalRequest(request)

/**
 * Runs a route's handler owing its audit row: the first transaction of the organisation that
 * writes appends it before commit (`store/change-audit.ts`), with the transaction's result as
 * the state after.
 */
export function withChangeAudit<T>(request: FastifyRequest, handler: () => T): T {
  if (!applies(request)) return handler()
  const ctx = request.ctx
  const route = request.routeOptions.url ?? request.url.split('?')[0]
  const params = (request.params ?? {}) as Record<string, string>
  const audit: ChangeAudit = {
    orgId: ctx.orgId,
    record: {
      occurredAt: ctx.now,
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      ip: ctx.ip ?? request.ip,
      userAgent: ctx.userAgent ?? null,
      action: `${request.method} ${route}`,
      objectType: route?.split('/')[2] ?? null,
      objectId: params.id ?? null,
      before: bounded(request.auditBefore),
    },
    describeAfter: bounded,
    written: false,
  }
  request.changeAudit = audit
  return runWithChangeAudit(audit, handler)
}

function parseJson(payload: unknown): unknown {
  if (typeof payload !== 'string' || payload.length === 0) return null
  try {
    return JSON.parse(payload)
  } catch {
    return null
  }
}

/**
 * Every successful change made through the authenticated API gets an audit row: who, from
 * where, which route and object, the object before (read through its GET route) and after.
 * The row is written in the change's own transaction (`withChangeAudit`); only a change that
 * wrote nothing in a transaction of its organisation gets it after the response, from the
 * response. Use cases that write richer rows themselves opt out with `config: { audited: true }`.
 */
export function registerHttpAudit(app: FastifyInstance, deps: HttpDeps) {
  // Callback hooks that leave at once when they do not apply: they run on every request, and an
  // async hook costs a promise each time (bench: intake).
  app.addHook('preHandler', (request, _reply, done) => {
    if (!applies(request) || request.method === 'POST') return done()
    readBefore(request).then(() => done(), done)
  })
  const readBefore = async (request: FastifyRequest) => {
    const route = request.routeOptions.url
    if (!route || !app.hasRoute({ method: 'GET', url: route })) return
    const headers: Record<string, string> = { [internalHeader]: internalSecret }
    if (request.headers.authorization) headers.authorization = request.headers.authorization
    if (request.headers.cookie) headers.cookie = request.headers.cookie
    const response = await app.inject({ method: 'GET', url: request.url, headers })
    if (response.statusCode === 200) request.auditBefore = parseJson(response.payload)
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    const audit = request.changeAudit
    if (!audit || audit.written || reply.statusCode >= 400) return done(null, payload)
    writeAfterResponse(request, audit, payload).then(() => done(null, payload), done)
  })
  const writeAfterResponse = async (request: FastifyRequest, audit: ChangeAudit, payload: unknown) => {
    if (audit.wroteOutsideTransaction)
      request.log.error({ action: audit.record.action }, 'a change was written outside a transaction; audited after it')
    try {
      await deps.store.forOrg(audit.orgId).accounts.audit.append(auditRowFor(audit, parseJson(payload)))
      audit.written = true
    } catch (err) {
      request.log.error({ err }, 'could not write the audit row for a change')
    }
  }
}

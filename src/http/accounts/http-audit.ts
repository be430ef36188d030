import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { redactSecrets } from '../../app/accounts/audit.js'
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

const before = new WeakMap<FastifyRequest, unknown>()

function bounded(value: unknown): unknown {
  if (value === undefined || value === null) return null
  const text = JSON.stringify(redactSecrets(value))
  return text.length > maxJsonBytes ? { truncated: true, bytes: text.length } : JSON.parse(text)
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
 * where, which route and object, the object before (read through its GET route) and after
 * (the response). Use cases that write richer rows in their own transaction opt out with
 * `config: { audited: true }`.
 */
export function registerHttpAudit(app: FastifyInstance, deps: HttpDeps) {
  const applies = (request: FastifyRequest) =>
    unsafe.has(request.method) &&
    request.ctx &&
    request.routeOptions.config?.audited !== true &&
    !isInternalRequest(request)

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
    if (response.statusCode === 200) before.set(request, parseJson(response.payload))
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    if (!applies(request) || reply.statusCode >= 400) return done(null, payload)
    writeAudit(request, payload).then(() => done(null, payload), done)
  })
  const writeAudit = async (request: FastifyRequest, payload: unknown) => {
    const ctx = request.ctx
    const route = request.routeOptions.url ?? request.url.split('?')[0]
    const after = parseJson(payload)
    const params = (request.params ?? {}) as Record<string, string>
    const objectId =
      params.id ?? (after && typeof after === 'object' && 'id' in after ? String((after as { id: unknown }).id) : null)
    try {
      await deps.store.forOrg(ctx.orgId).accounts.audit.append({
        occurredAt: ctx.now,
        actorKind: ctx.actor.kind,
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        ip: ctx.ip ?? request.ip,
        userAgent: ctx.userAgent ?? null,
        action: `${request.method} ${route}`,
        objectType: route?.split('/')[2] ?? null,
        objectId,
        before: bounded(before.get(request)),
        after: bounded(after),
      })
    } catch (err) {
      request.log.error({ err }, 'could not write the audit row for a change')
    }
  }
}

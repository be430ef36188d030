import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../domain/app-error.js'
import { verifyCsrfToken } from '../../auth/csrf.js'
import { sessionOf } from './session-authenticator.js'

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function sameOrigin(request: FastifyRequest, baseUrl: string): boolean {
  const origin = request.headers.origin ?? request.headers.referer
  if (origin === undefined) return true
  try {
    const from = new URL(origin)
    return from.host === request.headers.host || from.origin === new URL(baseUrl).origin
  } catch {
    return false
  }
}

/**
 * For pages whose address holds a secret token and that post a form back to us: "same-origin"
 * keeps the token from other sites, while "no-referrer" would make browsers send `Origin: null`
 * on the form's POST, which the origin check below must refuse.
 */
export const linkPageReferrerPolicy = 'same-origin'

function isForm(request: FastifyRequest): boolean {
  return /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i.test(
    request.headers['content-type'] ?? '',
  )
}

function csrfRefusal(request: FastifyRequest, options: { secret: string; baseUrl: string }): AppError | undefined {
  if (!unsafe.has(request.method)) return undefined
  const session = sessionOf(request)
  if (!session && !isForm(request)) return undefined
  if (!sameOrigin(request, options.baseUrl)) return new AppError('FORBIDDEN', 'Cross-site request refused')
  if (!session) return undefined
  const body = request.body as Record<string, unknown> | null | undefined
  const token = request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined)
  if (!verifyCsrfToken(options.secret, session.sessionId, token)) {
    return new AppError('FORBIDDEN', 'Missing or wrong CSRF token: send the x-csrf-token header from /api/me')
  }
  return undefined
}

/**
 * CSRF defence for cookie sessions (OWASP): a changing request must carry the session's token
 * (header `x-csrf-token`, or `_csrf` in a form), and must not come from another origin.
 * Form posts to the public sign-in pages get the origin check too (login CSRF).
 * Token-authenticated requests carry no ambient credential and need neither.
 */
export function registerCsrfGuard(app: FastifyInstance, options: { secret: string; baseUrl: string }) {
  // A callback hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('preHandler', (request, _reply, done) => done(csrfRefusal(request, options)))
}

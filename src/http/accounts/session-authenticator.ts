import type { FastifyRequest } from 'fastify'
import { AppError } from '../../domain/app-error.js'
import { resolveSession, type SessionInfo } from '../../app/accounts/sessions.js'
import type { Authenticator } from '../authenticate.js'
import { cookiePolicy, readSessionCookie } from './session-cookie.js'

const sessions = new WeakMap<FastifyRequest, SessionInfo>()

/** The console session behind a request, if it came with a session cookie rather than a token. */
export function sessionOf(request: FastifyRequest): SessionInfo | null {
  return sessions.get(request) ?? null
}

/**
 * Session cookies, tried before bearer tokens. A request carrying an Authorization header is
 * left to the token authenticator: the explicit credential wins.
 */
export const sessionAuthenticator: Authenticator = async (request, deps) => {
  if (request.headers.authorization) return undefined
  const token = readSessionCookie(request, cookiePolicy(deps.baseUrl))
  if (!token) return undefined
  const now = deps.clock()
  const session = await resolveSession(deps, token, now)
  if (!session) throw new AppError('UNAUTHORIZED', 'Your session has ended; sign in again')
  sessions.set(request, session)
  return {
    orgId: session.orgId,
    actor: { kind: 'user', id: session.userId, name: session.name },
    role: session.role,
    scopes: null,
    permissions: deps.permissions,
    now,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  }
}

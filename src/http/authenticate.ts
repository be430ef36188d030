import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { AppContext, Role } from '../app/context.js'
import { roles } from '../app/context.js'
import { AppError } from '../domain/app-error.js'
import type { HttpDeps } from './http-deps.js'

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** An authenticator turns a request into a context, or returns undefined to let the next one try. */
export type Authenticator = (request: FastifyRequest, deps: HttpDeps) => Promise<AppContext | undefined>

export const bearerTokenAuthenticator: Authenticator = async (request, deps) => {
  const header = request.headers.authorization
  if (!header) return undefined
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header)
  if (!match) throw new AppError('UNAUTHORIZED', 'The Authorization header must be "Bearer <token>"')
  const now = deps.clock()
  const token = await deps.store.tokens.findActiveByHash(hashToken(match[1]!), now)
  if (!token || !(roles as readonly string[]).includes(token.role))
    throw new AppError('UNAUTHORIZED', 'The API token is invalid, expired or revoked')
  void deps.store.tokens.touch(token.id, now).catch(() => undefined)
  return {
    orgId: token.org_id,
    actor: { kind: token.user_id ? 'user' : 'token', id: token.user_id ?? token.id, name: token.name },
    role: token.role as Role,
    scopes: token.scopes,
    permissions: deps.permissions,
    now,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  }
}

export async function authenticate(request: FastifyRequest, deps: HttpDeps): Promise<AppContext> {
  for (const authenticator of deps.authenticators) {
    const ctx = await authenticator(request, deps)
    if (ctx) return ctx
  }
  throw new AppError('UNAUTHORIZED', 'Sign in or send an API token (Authorization: Bearer <token>)')
}

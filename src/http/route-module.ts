import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppContext } from '../app/context.js'
import type { HttpDeps } from './http-deps.js'

declare module 'fastify' {
  interface FastifyRequest {
    ctx: AppContext
  }
}

/** A feature's routes: registered inside either the authenticated or the public scope. */
export type RouteModule = (app: FastifyInstance, deps: HttpDeps) => void | Promise<void>

export function ctxOf(request: FastifyRequest): AppContext {
  return request.ctx
}

export type IdParams = { id: string }

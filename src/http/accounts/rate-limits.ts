import { createHash } from 'node:crypto'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../domain/app-error.js'

export interface RateLimits {
  /** Requests per minute from one IP address, and for the public read paths (status pages under a flood of readers). */
  perIp: number
  perIpPublicReads: number
  /** Requests per minute made with one token or session, whatever the address. */
  perCredential: number
}

export const defaultRateLimits: RateLimits = { perIp: 3_000, perIpPublicReads: 12_000, perCredential: 1_200 }

function isPublicRead(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    (!request.url.startsWith('/api/') || request.url.startsWith('/api/v2/'))
  )
}

const credentialOf = (request: FastifyRequest) =>
  request.headers.authorization ?? /candor_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1]
const hasCredential = (request: FastifyRequest) => Boolean(credentialOf(request))

/** A credential's bucket is keyed by a hash of it, so the limiter's memory holds no secrets. */
function credentialKey(request: FastifyRequest): string | null {
  const credential = credentialOf(request)
  return credential ? createHash('sha256').update(credential).digest('base64url') : null
}

/**
 * Two limits on every request: per IP (all traffic) and per credential (token or session).
 * Routes tighten theirs with `config: { rateLimit: { max, timeWindow } }` (sign-in: 10/min per IP).
 * Counters are per process: with several nodes each allows this much.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  limits: RateLimits,
  isInternal: (request: FastifyRequest) => boolean,
) {
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (request) => (isPublicRead(request) ? limits.perIpPublicReads : limits.perIp),
    allowList: (request) => isInternal(request),
    keyGenerator: (request) => request.ip,
  })
  const perCredential = app.createRateLimit({
    timeWindow: 60_000,
    max: limits.perCredential,
    keyGenerator: (request) => credentialKey(request) ?? '',
    allowList: (request) => isInternal(request) || !hasCredential(request),
  })
  app.addHook('onRequest', (request, reply, done) => {
    // Most traffic (status pages, alert intake) carries no credential: no hash, no promise.
    if (!hasCredential(request)) return done()
    perCredential(request).then((result) => {
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', String(result.ttlInSeconds))
        return done(
          new AppError('RATE_LIMITED', `Too many requests with this credential; try again in ${result.ttlInSeconds} s`),
        )
      }
      done()
    }, done)
  })
}

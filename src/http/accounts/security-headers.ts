import helmet from '@fastify/helmet'
import type { FastifyInstance, FastifyRequest } from 'fastify'

/** The badge and widget are made to be put on other sites; nothing else may be framed. */
export const embeddablePath = /(^|\/)(badge\.svg|widget\.js|embed)(\/|\?|$)/

/** Anything a status page serves publicly may be loaded by other origins (feeds, JSON API, assets). */
function isPublicResource(url: string): boolean {
  return !url.startsWith('/api/') || url.startsWith('/api/v2/')
}

/**
 * Security headers from helmet: a strict CSP (no inline script, no framing, no plugins, forms
 * only to us), HSTS only when Candor is served over HTTPS, and the embeddable exceptions.
 * The status page sets its own CSP on its HTML; this is the default for everything else.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { isHttps: boolean }) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: options.isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  })
  // Runs after helmet's hook and writes on the raw response, so hijacked (snapshot) replies get it too.
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const url = request.url
    if (isPublicResource(url)) reply.raw.setHeader('cross-origin-resource-policy', 'cross-origin')
    if (embeddablePath.test(url.split('?')[0] ?? '')) {
      reply.raw.removeHeader('x-frame-options')
      const csp = reply.raw.getHeader('content-security-policy')
      if (typeof csp === 'string') reply.raw.setHeader('content-security-policy', csp.replace("frame-ancestors 'none'", 'frame-ancestors *'))
    }
  })
}

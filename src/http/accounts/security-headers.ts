import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'

/** The badge and widget are made to be put on other sites; nothing else may be framed. */
export const embeddablePath = /(^|\/)(badge\.svg|widget\.js|embed)(\/|\?|$)/

/** Anything a status page serves publicly may be loaded by other origins (feeds, JSON API, assets). */
function isPublicResource(url: string): boolean {
  return !url.startsWith('/api/') || url.startsWith('/api/v2/')
}

/**
 * The headers helmet's middleware sets for these options, captured once: the fastify plugin
 * rebuilt helmet on every request, which cost more than the intake route's own work.
 */
function helmetHeaders(options: HelmetOptions): [string, string][] {
  const headers: [string, string][] = []
  const response = {
    setHeader: (name: string, value: string) => void headers.push([name.toLowerCase(), String(value)]),
    removeHeader: () => undefined,
  }
  let failure: unknown
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => (failure = error))
  if (failure) throw failure
  return headers
}

/**
 * Security headers from helmet: a strict CSP (no inline script, no framing, no plugins, forms
 * only to us), HSTS only when Candor is served over HTTPS, and the embeddable exceptions.
 * The status page sets its own CSP on its HTML; this is the default for everything else.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { isHttps: boolean }) {
  const headers = helmetHeaders({
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
  const csp = headers.find(([name]) => name === 'content-security-policy')?.[1] ?? ''
  const embeddableCsp = csp.replace("frame-ancestors 'none'", 'frame-ancestors *')
  // Written on the raw response, so hijacked (snapshot) replies get them too. A callback hook:
  // an async one costs a promise per request on every route (bench: intake).
  app.addHook('onRequest', (request: FastifyRequest, reply, done) => {
    const raw = reply.raw
    for (const [name, value] of headers) raw.setHeader(name, value)
    const url = request.url
    if (isPublicResource(url)) raw.setHeader('cross-origin-resource-policy', 'cross-origin')
    if (embeddablePath.test(url.split('?')[0] ?? '')) {
      raw.removeHeader('x-frame-options')
      raw.setHeader('content-security-policy', embeddableCsp)
    }
    done()
  })
}

/** The default CSP plus one style source (a hashed inline block) for one response; the rest unchanged. */
export function cspWithStyleSource(csp: string, source: string): string {
  return csp.replace(/(^|;)(\s*style-src [^;]*)/, `$1$2 ${source}`)
}

import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * POSTs; CSRF tokens cover the rest), Secure and `__Host-` prefixed when served over HTTPS
 * (then no subdomain can set or shadow it). @fastify/cookie parses and writes it (security plugin).
 */
export interface CookiePolicy {
  secure: boolean
}

export function cookiePolicy(baseUrl: string): CookiePolicy {
  return { secure: baseUrl.startsWith('https://') }
}

export function sessionCookieName(policy: CookiePolicy): string {
  return policy.secure ? '__Host-candor_session' : 'candor_session'
}

export function readSessionCookie(request: FastifyRequest, policy: CookiePolicy): string | undefined {
  return request.cookies?.[sessionCookieName(policy)] || undefined
}

export function setSessionCookie(reply: FastifyReply, policy: CookiePolicy, token: string, expiresAt: Date): void {
  reply.setCookie(sessionCookieName(policy), token, {
    httpOnly: true,
    secure: policy.secure,
    sameSite: 'lax',
    path: '/',
    expires: expiresAt,
  })
}

export function clearSessionCookie(reply: FastifyReply, policy: CookiePolicy): void {
  reply.setCookie(sessionCookieName(policy), '', {
    httpOnly: true,
    secure: policy.secure,
    sameSite: 'lax',
    path: '/',
    expires: new Date(0),
  })
}

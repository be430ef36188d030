import { createHmac } from 'node:crypto'
import { safeEqual } from './secrets.js'

/**
 * Synchronizer token bound to the session, without server state: an HMAC of the session id.
 * A form carries it in a hidden field; an attacker's page can neither read nor forge it,
 * and it dies with the session (OWASP CSRF cheat sheet, "HMAC based token pattern").
 */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf|${sessionId}`, 'utf8').digest('base64url')
}

export function verifyCsrfToken(secret: string, sessionId: string, token: unknown): boolean {
  return typeof token === 'string' && token.length > 0 && safeEqual(csrfTokenFor(secret, sessionId), token)
}

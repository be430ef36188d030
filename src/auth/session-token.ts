import { randomToken, sha256Hex } from './secrets.js'

/**
 * Session cookies hold 256 random bits; the database holds only their SHA-256, so a copy
 * of the sessions table cannot be replayed as cookies.
 */
export function generateSessionToken(): { token: string; hash: string } {
  const token = randomToken(32)
  return { token, hash: hashSessionToken(token) }
}

export function hashSessionToken(token: string): string {
  return sha256Hex(`session|${token}`)
}

import { randomToken, sha256Hex } from './secrets.js'

/**
 * API tokens look like `cnd_<43 base64url chars>` (256 random bits): the prefix makes a
 * leaked token easy to recognise by secret scanners. Only the SHA-256 is stored; a fast
 * hash is right here because the token itself has full entropy.
 */
export const apiTokenPrefix = 'cnd_'
const tokenPattern = /^cnd_[A-Za-z0-9_-]{43}$/

export interface NewApiToken {
  /** Shown to the user once, never stored. */
  token: string
  hash: string
  /** Safe to store and show, so a user can tell their tokens apart. */
  hint: string
}

export function generateApiToken(): NewApiToken {
  const token = apiTokenPrefix + randomToken(32)
  return { token, hash: hashApiToken(token), hint: tokenHint(token) }
}

export function hashApiToken(token: string): string {
  return sha256Hex(token)
}

export function looksLikeApiToken(value: string): boolean {
  return tokenPattern.test(value)
}

export function tokenHint(token: string): string {
  return `${token.slice(0, apiTokenPrefix.length + 4)}…${token.slice(-4)}`
}

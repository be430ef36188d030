import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * Passwords are hashed with scrypt at the OWASP Password Storage Cheat Sheet parameters
 * (N=2^17, r=8, p=1). The encoded form names its parameters, so they can be raised later
 * and old hashes still verify (and report that they need a rehash).
 *
 *   $scrypt$ln=17,r=8,p=1$<salt, base64url>$<key, base64url>
 */
export interface ScryptParams {
  logN: number
  r: number
  p: number
}

export const owaspScrypt: ScryptParams = { logN: 17, r: 8, p: 1 }
const keyLength = 32
const saltLength = 16
/** Long enough for any passphrase; scrypt pre-hashes it, the cap only stops abuse. */
export const maxPasswordLength = 1024
// Stored hashes are trusted data, but bounding them keeps a corrupted row from eating all memory.
const maxLogN = 20

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is below that for N=2^17.
  const maxmem = 256 * N * params.r
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, { N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

export async function hashPassword(password: string, params: ScryptParams = owaspScrypt): Promise<string> {
  if (password.length > maxPasswordLength)
    throw new RangeError(`a password may be at most ${maxPasswordLength} characters`)
  const salt = randomBytes(saltLength)
  const key = await derive(password, salt, params)
  return (
    `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}` +
    `$${salt.toString('base64url')}$${key.toString('base64url')}`
  )
}

interface Decoded {
  params: ScryptParams
  salt: Buffer
  key: Buffer
}

const encodedPattern = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{16,})$/

export function decodePasswordHash(encoded: string): Decoded | null {
  const m = encodedPattern.exec(encoded)
  if (!m) return null
  const params = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }
  if (params.logN < 1 || params.logN > maxLogN || params.r < 1 || params.p < 1) return null
  return { params, salt: Buffer.from(m[4] ?? '', 'base64url'), key: Buffer.from(m[5] ?? '', 'base64url') }
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const decoded = decodePasswordHash(encoded)
  if (!decoded || password.length > maxPasswordLength) return false
  const key = await derive(password, decoded.salt, decoded.params)
  return key.length === decoded.key.length && timingSafeEqual(key, decoded.key)
}

/** True when the hash was made with weaker parameters than today's: rehash on the next sign-in. */
export function needsRehash(encoded: string, params: ScryptParams = owaspScrypt): boolean {
  const decoded = decodePasswordHash(encoded)
  if (!decoded) return true
  const p = decoded.params
  return p.logN < params.logN || p.r < params.r || p.p < params.p
}

let dummyHash: Promise<string> | undefined

/**
 * Spends the same work as a real check when the account does not exist, so response time
 * does not tell an attacker which emails have accounts. Always false.
 */
export async function verifyPasswordOfNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword('candor: no such account')
  await verifyPassword(password, await dummyHash)
  return false
}

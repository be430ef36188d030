import { createHash, randomBytes } from 'node:crypto'

/**
 * 32 lower-case hex characters: as long as a PagerDuty routing key (tools check the length),
 * and usable as the local part of an email address, where case is not reliable.
 */
export function newIntegrationKey(): string {
  return randomBytes(16).toString('hex')
}

export function hashIntegrationKey(key: string): string {
  return createHash('sha256').update(key.trim().toLowerCase()).digest('hex')
}

export function keyHint(key: string): string {
  return `${key.slice(0, 4)}…`
}

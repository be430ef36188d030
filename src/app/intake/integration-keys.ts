import { hash, randomBytes } from 'node:crypto'

/**
 * 32 lower-case hex characters: as long as a PagerDuty routing key (tools check the length),
 * and usable as the local part of an email address, where case is not reliable.
 */
export function newIntegrationKey(): string {
  return randomBytes(16).toString('hex')
}

// Every alert hashes its key: the one-shot hash costs less than half of a Hash object.
export function hashIntegrationKey(key: string): string {
  return hash('sha256', key.trim().toLowerCase(), 'hex')
}

export function keyHint(key: string): string {
  return `${key.slice(0, 4)}…`
}

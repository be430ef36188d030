import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { redactUrl } from '../../store/database.js'
import { CliError } from '../command.js'

/** Where a copy reads or writes: a PostgreSQL URL or an embedded data folder. */
export type Location =
  | { kind: 'postgres'; url: string; shown: string }
  | { kind: 'embedded'; dir: string; shown: string }

export function parseLocation(value: string, option: string, usage: string): Location {
  if (/^postgres(ql)?:\/\//i.test(value)) {
    try {
      const url = new URL(value)
      if (!url.hostname && !url.searchParams.get('host')) throw new Error('no host')
    } catch {
      throw new CliError(`${option}: "${redactUrl(value)}" is not a valid postgres:// URL\nusage: ${usage}`, 2)
    }
    return { kind: 'postgres', url: value, shown: redactUrl(value) }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    throw new CliError(
      `${option}: only postgres:// URLs and data folders are supported, not "${value.split(':')[0]}:"`,
      2,
    )
  return { kind: 'embedded', dir: resolve(value), shown: value }
}

/** The embedded source of a copy must already be a Candor data folder: opening a missing one would create it. */
export function requireExistingDataDir(location: Location, option: string): void {
  if (location.kind !== 'embedded') return
  if (!existsSync(location.dir)) throw new CliError(`${option}: there is no folder ${location.shown}`, 2)
  if (!statSync(location.dir).isDirectory()) throw new CliError(`${option}: ${location.shown} is not a folder`, 2)
  if (!existsSync(resolve(location.dir, 'PG_VERSION')))
    throw new CliError(`${option}: ${location.shown} holds no embedded Candor database (no PG_VERSION)`, 2)
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`
}

import { readFileSync } from 'node:fs'

/** Reference payloads (copied from ../shared/fixtures so the repository tests stand alone). */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>
}

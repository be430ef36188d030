import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openPlace, placeForEngine, seedFanOut } from '../subscribers/crash-helpers.js'
import { expectedMessages, seedEveryKind } from './every-kind-seed.js'

export const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => undefined)
})

/** Per channel: two batch lanes of 500 plus the single-message lane's claim of 100. */
export const inFlightWindowPerChannel = 2 * 500 + 100
/** Fast retries and relay probes, as a team that wants the test to end would set them (candor.config.json). */
export function configFile(dir: string) {
  const path = join(dir, 'candor.config.json')
  writeFileSync(
    path,
    JSON.stringify({
      delivery: {
        retry: { initialDelayMs: 1_000, maxDelayMs: 5_000, maxAttempts: 200, jitterRatio: 0.2 },
        worker: { idlePollMs: 100, relayProbeMs: 1_000, sendTimeoutMs: 5_000 },
      },
    }),
  )
  return path
}

/** A place holding every kind of message: `subscribers` update emails and all the others. */
export async function everyKindPlace(engine: 'pglite' | 'postgres', subscribers: number, webhookUrl: string) {
  const place = await placeForEngine(engine)
  cleanup.push(place.cleanup)
  const setup = await openPlace(place.env, { WEBHOOK_ALLOWLIST: '127.0.0.1' })
  const { orgId, pageId } = await seedFanOut(setup, 'email', subscribers)
  await seedEveryKind(setup, orgId, pageId, { subscribers, pages: 40, incidents: 10, accountMails: 300 }, webhookUrl)
  const expected = await expectedMessages(setup)
  return { place, setup, orgId, expected }
}

/** The idempotency keys of every message received so far, by mail or webhook. */
export function received(
  sink: { messages: { idempotencyKey?: string }[] },
  receiver: { requests: { headers: Record<string, unknown>; status: number }[] },
) {
  return [
    ...sink.messages.map((m) => m.idempotencyKey ?? ''),
    ...receiver.requests.filter((r) => r.status === 200).map((r) => String(r.headers['candor-idempotency-key'])),
  ]
}

/** What is missing and what arrived more than once. */
export function tally(expected: { key: string; kind: string }[], keys: string[]) {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  const lost = expected.filter((e) => !counts.has(e.key))
  const repeats = [...counts.values()].reduce((n, c) => n + c - 1, 0)
  const kinds = [...new Set(expected.map((e) => e.kind))].sort()
  return { lost, repeats, kinds }
}

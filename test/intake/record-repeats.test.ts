import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { IntakeIntegration } from '../../src/app/intake/find-integration.js'
import { recordRepeats } from '../../src/app/intake/record-repeats.js'
import type { AlertAction, AlertEvent } from '../../src/domain/alert/alert-event.js'
import { createStore, type OrgStore } from '../../src/store/store.js'
import { forEachDatabase, openTestDatabase } from '../support/databases.js'

const at = new Date('2026-11-23T10:00:00Z')

function alertEvent(dedupKey: string, action: AlertAction = 'trigger'): AlertEvent {
  return {
    kind: 'webhook',
    action,
    dedupKey,
    summary: `disk full on ${dedupKey}`,
    severity: 'error',
    source: 'host',
    labels: { service: 'api' },
    details: {},
    links: [],
    occurredAt: at,
  }
}

const request = (events: AlertEvent[], extra: { idempotencyKey?: string } = {}) => ({
  events,
  raw: events.map((e) => ({ key: e.dedupKey })),
  receivedAt: at,
  ...extra,
})

async function setup(engine: Parameters<typeof openTestDatabase>[0]) {
  const handle = await openTestDatabase(engine)
  const store = createStore(handle.db)
  const org = await store.organisations.create({
    slug: `r${Date.now()}${Math.random().toString(36).slice(2, 6)}`,
    name: 'Repeats',
  })
  const row = await store
    .forOrg(org.id)
    .integrations.create({ kind: 'webhook', name: 'hook', keyHash: `h${Math.random()}`, keyHint: 'h', config: {} })
  const integration: IntakeIntegration = { id: row.id, org_id: org.id, kind: 'webhook', name: 'hook', config: {} }
  const orgStore = store.forOrg(org.id)
  const eventCount = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from alert_events where org_id = ${org.id}`.execute(store.db))
      .rows[0]!.n
  // The first firing of each key goes through the locked path in production; here it is stored directly.
  const seed = async (keys: string[]) => {
    const written = await orgStore.alerts.writeMany(
      keys.map((k) => ({
        id: crypto.randomUUID(),
        integrationId: integration.id,
        dedupKey: k,
        status: 'firing',
        severity: 'error',
        summary: `disk full on ${k}`,
        source: 'host',
        labels: { service: 'api' },
        details: {},
        lastPayload: {},
        eventCount: 1,
        fireCount: 1,
        firstSeenAt: at,
        lastSeenAt: at,
        lastFiredAt: at,
        acknowledgedAt: null,
        resolvedAt: null,
        stateChangeTimes: [at.toISOString()],
        isFlapping: false,
      })),
      [],
      at,
    )
    expect(written).toBe(keys.length)
  }
  return { store, orgStore, integration, eventCount, seed }
}

forEachDatabase((engine) => {
  describe('recording a batch of repeated alerts without a transaction', () => {
    it('writes repeats of stored alerts and their events, in arrival order', async () => {
      const { orgStore, integration, eventCount, seed } = await setup(engine)
      await seed(['a', 'b'])
      const results = await recordRepeats(orgStore, [
        { integration, request: request([alertEvent('a'), alertEvent('b')]) },
        { integration, request: request([alertEvent('a')]) },
      ])
      expect(results?.map((r) => r.map((x) => x.change))).toEqual([['updated', 'updated'], ['updated']])
      const alerts = await orgStore.alerts.list({ limit: 10 })
      expect(Object.fromEntries(alerts.map((a) => [a.dedup_key, a.event_count]))).toEqual({ a: 3, b: 2 })
      expect(await eventCount()).toBe(3)
    })

    it('leaves to the locked path, having written nothing, a new alert, a resolve, or an Idempotency-Key', async () => {
      const { orgStore, integration, eventCount, seed } = await setup(engine)
      await seed(['a'])
      expect(
        await recordRepeats(orgStore, [{ integration, request: request([alertEvent('a'), alertEvent('new')]) }]),
      ).toBeNull()
      expect(
        await recordRepeats(orgStore, [{ integration, request: request([alertEvent('a', 'resolve')]) }]),
      ).toBeNull()
      expect(
        await recordRepeats(orgStore, [
          { integration, request: request([alertEvent('a')], { idempotencyKey: 'once' }) },
        ]),
      ).toBeNull()
      expect(await eventCount()).toBe(0)
      expect((await orgStore.alerts.list({ limit: 10 })).map((a) => [a.event_count, a.status])).toEqual([[1, 'firing']])
    })

    it(
      'gives up, having written nothing, ' +
        'when another node changes one of the alerts between its read and its write',
      async () => {
        const { orgStore, integration, eventCount, seed } = await setup(engine)
        await seed(['a', 'b'])
        const racing: OrgStore = {
          ...orgStore,
          alerts: {
            ...orgStore.alerts,
            readMany: async (keys) => {
              const read = await orgStore.alerts.readMany(keys)
              // The other node repeats b first.
              expect(
                await recordRepeats(orgStore, [{ integration, request: request([alertEvent('b')]) }]),
              ).not.toBeNull()
              return read
            },
          },
        }
        expect(
          await recordRepeats(racing, [{ integration, request: request([alertEvent('a'), alertEvent('b')]) }]),
        ).toBeNull()
        const alerts = await orgStore.alerts.list({ limit: 10 })
        expect(Object.fromEntries(alerts.map((a) => [a.dedup_key, a.event_count]))).toEqual({ a: 1, b: 2 })
        expect(await eventCount()).toBe(1)
      },
    )
  })
})

import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { AlertWrite } from '../../src/store/alerts-store.js'
import { createStore } from '../../src/store/store.js'
import { forEachDatabase, openTestDatabase } from '../support/databases.js'

const at = new Date('2026-11-23T10:00:00Z')

function alertWrite(eventCount: number): AlertWrite {
  return {
    status: 'firing',
    severity: 'error',
    summary: `seen ${eventCount} times`,
    source: 'test',
    labels: { service: 'api' },
    details: {},
    lastPayload: { n: eventCount },
    eventCount,
    fireCount: 1,
    firstSeenAt: at,
    lastSeenAt: at,
    lastFiredAt: at,
    acknowledgedAt: null,
    resolvedAt: null,
    stateChangeTimes: [],
    isFlapping: false,
  }
}

const event = (integrationId: string, alertId: string | null, dedupKey: string) => ({
  integrationId,
  alertId,
  dedupKey,
  action: 'trigger',
  change: alertId ? 'updated' : 'dropped',
  occurredAt: at,
  receivedAt: at,
  payload: { dedupKey },
})

async function setup(engine: Parameters<typeof openTestDatabase>[0]) {
  const handle = await openTestDatabase(engine)
  const store = createStore(handle.db)
  const org = await store.organisations.create({
    slug: `o${Date.now()}${Math.random().toString(36).slice(2, 6)}`,
    name: 'Batch writes',
  })
  const integration = await store
    .forOrg(org.id)
    .integrations.create({ kind: 'webhook', name: 'w', keyHash: `h${Math.random()}`, keyHint: 'h', config: {} })
  return { handle, store, org, integration }
}

/** The statements intake's batches rest on: lock by key, then one write of alerts and events. */
forEachDatabase((engine) => {
  describe('alert batch writes', () => {
    it(
      'locks only the keys asked for, in this organisation, and ' + 'writes alerts and their events in one statement',
      async () => {
        const { store, org, integration } = await setup(engine)
        const alerts = store.forOrg(org.id).alerts
        const ids = ['a', 'b', 'c'].map((k) => ({
          id: crypto.randomUUID(),
          integrationId: integration.id,
          dedupKey: k,
        }))
        const written = await alerts.writeMany(
          ids.map((k) => ({ ...alertWrite(1), ...k })),
          ids.map((k) => event(integration.id, k.id, k.dedupKey)),
          at,
        )
        expect(written).toBe(3)

        const locked = await store.transaction(org.id, (tx) =>
          tx.alerts.lockMany([
            { integrationId: integration.id, dedupKey: 'c' },
            { integrationId: integration.id, dedupKey: 'a' },
            { integrationId: integration.id, dedupKey: 'nope' },
          ]),
        )
        expect(locked.map((r) => r.dedup_key).sort()).toEqual(['a', 'c'])

        // Another organisation naming the same keys sees and changes nothing.
        const other = await store.organisations.create({ slug: `x${Date.now()}`, name: 'Other' })
        expect(
          await store.transaction(other.id, (tx) =>
            tx.alerts.lockMany([{ integrationId: integration.id, dedupKey: 'a' }]),
          ),
        ).toEqual([])
        expect(await store.forOrg(other.id).alerts.writeMany([{ ...alertWrite(9), ...ids[0]! }], [], at)).toBe(0)

        const updated = await alerts.writeMany(
          [{ ...alertWrite(2), ...ids[0]! }],
          [event(integration.id, ids[0]!.id, 'a'), event(integration.id, null, 'gone')],
          at,
        )
        expect(updated).toBe(1)
        const rows = await alerts.list({ limit: 10 })
        expect(rows.find((r) => r.dedup_key === 'a')).toMatchObject({
          event_count: 2,
          summary: 'seen 2 times',
          last_payload: { n: 2 },
        })
        expect(await alerts.listEvents(ids[0]!.id)).toHaveLength(2)
        const events = await sql<{
          n: number
        }>`select count(*)::int as n from alert_events where org_id = ${org.id}`.execute(store.db)
        expect(events.rows[0]!.n).toBe(5)
      },
    )

    it('reports a key another transaction created first, so the batch is rolled back and run again', async () => {
      const { store, org, integration } = await setup(engine)
      const key = { integrationId: integration.id, dedupKey: 'raced' }
      const theirs = crypto.randomUUID()
      await store
        .forOrg(org.id)
        .alerts.writeMany([{ ...alertWrite(1), ...key, id: theirs }], [event(integration.id, theirs, 'raced')], at)

      // Ours looked before theirs existed and chose a fresh id: nothing of ours may be kept.
      const ours = crypto.randomUUID()
      const outcome = await store
        .transaction(org.id, async (tx) => {
          const written = await tx.alerts.writeMany(
            [{ ...alertWrite(1), ...key, id: ours }],
            [event(integration.id, ours, 'raced')],
            at,
          )
          if (written < 1) throw new Error('raced')
          return written
        })
        .catch((error: Error) => error.message)
      expect(outcome).toBe('raced')
      const rows = await store.forOrg(org.id).alerts.list({ limit: 10 })
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ id: theirs, event_count: 1 })
      expect(await store.forOrg(org.id).alerts.listEvents(theirs)).toHaveLength(1)
    })

    it(
      'updates alerts read without locks in one statement, and ' + 'undoes all of it when one changed since the read',
      async () => {
        const { store, org, integration } = await setup(engine)
        const alerts = store.forOrg(org.id).alerts
        const keys = ['a', 'b'].map((k) => ({ id: crypto.randomUUID(), integrationId: integration.id, dedupKey: k }))
        await alerts.writeMany(
          keys.map((k) => ({ ...alertWrite(1), ...k })),
          keys.map((k) => event(integration.id, k.id, k.dedupKey)),
          at,
        )

        const read = await alerts.readMany(keys)
        expect(read.map((r) => [r.dedup_key, typeof r.version]).sort()).toEqual([
          ['a', 'string'],
          ['b', 'string'],
        ])
        const versionOf = (k: string) => read.find((r) => r.dedup_key === k)!.version
        await alerts.updateManyIfUnchanged(
          keys.map((k) => ({ ...alertWrite(2), ...k, version: versionOf(k.dedupKey) })),
          [...keys.map((k) => event(integration.id, k.id, k.dedupKey)), event(integration.id, null, 'unknown')],
          at,
        )
        const countEvents = async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from alert_events where org_id = ${org.id}`.execute(
              store.db,
            )
          ).rows[0]!.n
        expect(await countEvents()).toBe(5)
        expect((await alerts.list({ limit: 10 })).map((r) => r.event_count)).toEqual([2, 2])

        // The versions read above are stale now: the whole statement fails, nothing of it is kept.
        const stale = keys.map((k) => ({ ...alertWrite(3), ...k, version: versionOf(k.dedupKey) }))
        stale[0]!.version = (await alerts.readMany([keys[0]!]))[0]!.version
        const error = await alerts
          .updateManyIfUnchanged(
            stale,
            keys.map((k) => event(integration.id, k.id, k.dedupKey)),
            at,
          )
          .catch((e: { code?: string }) => e)
        expect(error).toMatchObject({ code: '40001' })
        expect(await countEvents()).toBe(5)
        expect((await alerts.list({ limit: 10 })).map((r) => r.event_count)).toEqual([2, 2])

        // Another organisation's versions match nothing.
        const other = await store.organisations.create({ slug: `y${Date.now()}`, name: 'Other' })
        const fresh = await alerts.readMany([keys[0]!])
        expect(await store.forOrg(other.id).alerts.readMany([keys[0]!])).toEqual([])
        await expect(
          store
            .forOrg(other.id)
            .alerts.updateManyIfUnchanged([{ ...alertWrite(9), ...keys[0]!, version: fresh[0]!.version }], [], at),
        ).rejects.toMatchObject({ code: '40001' })
      },
    )
  })
})

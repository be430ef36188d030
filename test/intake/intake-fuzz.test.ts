import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { alertmanagerAlert, alertmanagerGroup, createIntegration, postJson } from './intake-helpers.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_500)

type Shape = Record<string, unknown>

/** Sets a value at a dotted path of a copy, creating objects on the way. */
function setPath(base: Shape, path: string, value: unknown): Shape {
  const copy = structuredClone(base)
  const parts = path.split('.')
  let node: Record<string, unknown> = copy
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {}
    node = node[part] as Record<string, unknown>
  }
  if (value === undefined) delete node[parts.at(-1)!]
  else node[parts.at(-1)!] = value
  return copy
}

const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\ud800b',
    '🚨',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '-1',
    'NaN',
    'constructor',
    '__proto__',
    'x'.repeat(5000),
  ),
  fc.constantFrom(-1, 0, 1e308, -0, 2 ** 53 + 1, 0.5),
  fc.constant(undefined),
)

/** Bodies that are almost right (one field broken), plainly wrong, or not JSON at all. */
function bodies(valid: Shape, paths: string[]) {
  const mutated = fc
    .tuple(fc.constantFrom(...paths), nasty)
    .map(([path, value]) => JSON.stringify(setPath(valid, path, value)))
  const doubly = fc
    .tuple(fc.constantFrom(...paths), nasty, fc.constantFrom(...paths), nasty)
    .map(([p1, v1, p2, v2]) => JSON.stringify(setPath(setPath(valid, p1, v1), p2, v2)))
  const randomJson = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null')
  const truncated = fc
    .integer({ min: 0, max: JSON.stringify(valid).length - 1 })
    .map((n) => JSON.stringify(valid).slice(0, n))
  const deep = fc.integer({ min: 20, max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)
  const deepInField = fc
    .integer({ min: 20, max: 2000 })
    .map((n) => JSON.stringify(valid).replace(/}$/, `,"x":${'['.repeat(n)}${']'.repeat(n)}}`))
  const text = fc.string({ maxLength: 200 })
  const protoPollution = fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')
  return fc.oneof(
    { arbitrary: mutated, weight: 5 },
    { arbitrary: doubly, weight: 3 },
    { arbitrary: randomJson, weight: 2 },
    { arbitrary: truncated, weight: 1 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: deepInField, weight: 1 },
    { arbitrary: text, weight: 1 },
    { arbitrary: protoPollution, weight: 1 },
  )
}

const contentTypes = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/vnd.api+json',
      '',
    ),
    weight: 2,
  },
)
const idempotency = fc.option(fc.oneof(fc.string({ maxLength: 300 }), fc.uuid()), { nil: undefined })

forEachDatabase((engine) => {
  describe('intake under malformed input', () => {
    it(`answers ${RUNS} malformed requests per endpoint with 4xx or 2xx, never 5xx, and stays healthy`, {
      timeout: 900_000,
    }, async () => {
      const { app, org } = await createTestApp(engine)
      const am = await createIntegration(app, org, 'alertmanager')
      const webhook = await createIntegration(app, org, 'webhook')
      const pd = await createIntegration(app, org, 'pagerduty')
      const keys = fc.oneof(
        { arbitrary: fc.constant('VALID'), weight: 8 },
        { arbitrary: fc.constantFrom(pd.key, 'x', '%00', '..%2F..', 'ä'.repeat(100), '0'.repeat(32)), weight: 2 },
      )

      const endpoints = [
        {
          url: (key: string) => `/api/intake/alertmanager/${encodeURIComponent(key === 'VALID' ? am.key : key)}`,
          valid: alertmanagerGroup([
            alertmanagerAlert('fp-1', 'firing'),
            alertmanagerAlert('fp-2', 'resolved'),
          ]) as Shape,
          paths: [
            'version',
            'status',
            'alerts',
            'alerts.0',
            'alerts.0.status',
            'alerts.0.labels',
            'alerts.0.labels.severity',
            'alerts.0.annotations',
            'alerts.0.startsAt',
            'alerts.0.endsAt',
            'alerts.0.fingerprint',
            'groupLabels',
            'truncatedAlerts',
            'commonLabels.x',
          ],
        },
        {
          url: (key: string) => `/api/intake/webhook/${encodeURIComponent(key === 'VALID' ? webhook.key : key)}`,
          valid: {
            summary: 'Disk full',
            dedup_key: 'disk',
            status: 'firing',
            severity: 'critical',
            labels: { host: 'db1' },
            details: { a: 1 },
            source: 'x',
            occurred_at: '2026-11-20T08:00:00Z',
            links: [{ href: 'https://x.test' }],
          } as Shape,
          paths: [
            'summary',
            'dedup_key',
            'status',
            'severity',
            'labels',
            'labels.host',
            'details',
            'details.deep',
            'source',
            'occurred_at',
            'links',
            'alerts',
            'extra',
          ],
        },
        {
          url: () => '/v2/enqueue',
          valid: {
            routing_key: pd.key,
            event_action: 'trigger',
            dedup_key: 'k',
            payload: {
              summary: 's',
              source: 'h',
              severity: 'error',
              timestamp: '2026-11-20T08:00:00.000+0000',
              custom_details: { a: 1 },
            },
            links: [{ href: 'https://x.test' }],
          } as Shape,
          paths: [
            'routing_key',
            'event_action',
            'dedup_key',
            'payload',
            'payload.summary',
            'payload.source',
            'payload.severity',
            'payload.timestamp',
            'payload.custom_details',
            'payload.component',
            'links',
            'images',
            'client',
          ],
        },
      ]

      for (const endpoint of endpoints) {
        const statuses = new Map<number, number>()
        await fc.assert(
          fc.asyncProperty(
            keys,
            bodies(endpoint.valid, endpoint.paths),
            contentTypes,
            idempotency,
            async (key, payload, contentType, idem) => {
              const headers: Record<string, string> = {}
              if (contentType) headers['content-type'] = contentType
              if (idem !== undefined && /^[\x20-\x7e]*$/.test(idem)) headers['idempotency-key'] = idem
              const response = await app.inject({ method: 'POST', url: endpoint.url(key), headers, payload })
              statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
              expect(
                response.statusCode,
                `${endpoint.url(key)} ${payload.slice(0, 300)} → ${response.body.slice(0, 300)}`,
              ).toBeLessThan(500)
            },
          ),
          { numRuns: RUNS, seed: 20261120 },
        )
        // Both kinds of answer were exercised: refusals, and near-misses that were stored.
        expect([...statuses.keys()].some((s) => s >= 400)).toBe(true)
        expect(statuses.get(202) ?? 0).toBeGreaterThan(0)
      }

      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
      const fine = await postJson(app, `/api/intake/webhook/${webhook.key}`, {
        summary: 'After the storm',
        dedup_key: 'after',
      })
      expect(fine.statusCode).toBe(202)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  })
})

import type { FastifyInstance } from 'fastify'
import { createTestApp, type TestApp } from '../support/test-app.js'
import type { Engine } from '../support/databases.js'

/** Drives the process API of one test tenant: `call('declare', {})` posts to /api/incidents/:id/declare. */
export async function processApp(
  engine: Engine,
  options: { severity?: number; isDrill?: boolean; crisisType?: string; roles?: unknown[] } = {},
) {
  const t = await createTestApp(engine)
  const opened = await t.app.inject({
    method: 'POST',
    url: '/api/process/incidents',
    headers: t.org.auth,
    payload: {
      title: 'Checkout is down',
      severity: options.severity ?? 4,
      is_drill: options.isDrill ?? false,
      crisis_type: options.crisisType ?? 'service_outage',
      roles: options.roles ?? [],
    },
  })
  if (opened.statusCode !== 201) throw new Error(`open failed: ${opened.body}`)
  const id: string = opened.json().incident_id
  return { ...t, id, ...bind(t, id) }
}

export function bind(t: Pick<TestApp, 'app' | 'org'>, id: string, headers: Record<string, string> = t.org.auth) {
  const app: FastifyInstance = t.app
  return {
    call: (path: string, payload: unknown = {}, method: 'POST' | 'PUT' = 'POST') =>
      app.inject({ method, url: `/api/incidents/${id}/${path}`, headers, payload: payload as object }),
    process: async () => (await app.inject({ url: `/api/incidents/${id}/process`, headers })).json(),
    timeline: async () =>
      (await app.inject({ url: `/api/incidents/${id}/timeline`, headers })).json().entries as {
        type: string
        [k: string]: unknown
      }[],
    outbox: async (kind?: string) =>
      (await app.inject({ url: `/api/process/outbox${kind ? `?kind=${kind}` : ''}`, headers })).json() as {
        kind: string
        payload: Record<string, unknown>
        incident_id: string | null
      }[],
  }
}

export const criteria = ['many_customers', 'beyond_minutes', 'public_communication']

export async function declared(engine: Engine, options: Parameters<typeof processApp>[1] = {}) {
  const t = await processApp(engine, options)
  for (const criterion_id of criteria) await t.call('criteria', { criterion_id, is_met: true })
  const response = await t.call('declare')
  if (response.statusCode !== 200) throw new Error(`declare failed: ${response.body}`)
  return t
}

import type { FastifyInstance } from 'fastify'
import { createTestApp, type TestApp } from '../support/test-app.js'
import type { Engine } from '../support/databases.js'

/** Drives the process API of one test tenant: `call('declare', {})` posts to /api/incidents/:id/declare. */
export async function processApp(
  engine: Engine,
  options: { severity?: number; isDrill?: boolean; crisisType?: string; roles?: unknown[]; withPage?: boolean } = {},
) {
  const t = await createTestApp(engine)
  // Public messages need someone to reach: the incident gets a status page unless told otherwise.
  const pageId =
    options.withPage === false
      ? null
      : (
          await t.app.inject({
            method: 'POST',
            url: '/api/pages',
            headers: t.org.auth,
            payload: { slug: 'status', name: 'Status' },
          })
        ).json().id
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
      ...(pageId ? { page_id: pageId } : {}),
    },
  })
  if (opened.statusCode !== 201) throw new Error(`open failed: ${opened.body}`)
  const id: string = opened.json().incident_id
  return { ...t, id, pageId: pageId as string | null, ...bind(t, id) }
}

/** The process's notice kinds by their former outbox names, as the tests speak of them. */
const newKinds = {
  stakeholder_notification: 'stakeholder_notice',
  person_notification: 'role_notice',
  team_message: 'team_notice',
  freeze_webhook: 'freeze_webhook',
} as const
type OutboxKind = keyof typeof newKinds

export function bind(
  t: Pick<TestApp, 'app' | 'org' | 'deps'>,
  id: string,
  headers: Record<string, string> = t.org.auth,
) {
  const app: FastifyInstance = t.app
  return {
    call: (path: string, payload: unknown = {}, method: 'POST' | 'PUT' = 'POST') =>
      app.inject({ method, url: `/api/incidents/${id}/${path}`, headers, payload: payload as object }),
    process: async () => (await app.inject({ url: `/api/incidents/${id}/process`, headers })).json(),
    /** The process's own records; `withMessages` adds the outbound messages the timeline shows among them. */
    timeline: async (options: { withMessages?: boolean } = {}) =>
      (
        (await app.inject({ url: `/api/incidents/${id}/timeline`, headers })).json().entries as {
          type: string
          [k: string]: unknown
        }[]
      ).filter((e) => options.withMessages || e.type !== 'outbound_message'),
    /** What the process told people, one entry per notice (its recipients folded), oldest first. */
    outbox: async (kind?: OutboxKind) => {
      let query = t.deps.store.db
        .selectFrom('deliveries')
        .select(['kind', 'content', 'incident_id', 'address', 'status', 'last_error', 'created_at'])
        .where('org_id', '=', t.org.id)
        .where('kind', 'in', Object.values(newKinds))
      if (kind) query = query.where('kind', '=', newKinds[kind])
      const rows = await query.orderBy('id').execute()
      type Notice = { kind: string; payload: Record<string, unknown>; incident_id: string | null; recipients: string[] }
      const notices = new Map<string, Notice>()
      for (const r of rows) {
        const { personId, group, ...content } = r.content ?? {}
        // A role notice is one person's; team and stakeholder notices fold their recipients.
        const who = r.kind === 'role_notice' ? String(personId) : ''
        const key = `${r.kind}|${who}|${r.created_at.toISOString()}|${JSON.stringify(content)}`
        let notice = notices.get(key)
        if (!notice) {
          // A freeze webhook's URL is its address; a stakeholder notice names the groups it reached.
          const payload = { ...content, ...(r.kind === 'freeze_webhook' ? { url: r.address } : {}) }
          notice = { kind: r.kind, payload, incident_id: r.incident_id, recipients: [] }
          notices.set(key, notice)
        }
        notice.recipients.push(r.address ?? '')
        if (typeof group === 'string') {
          const groups = (notice.payload.groups ?? []) as string[]
          if (!groups.includes(group)) notice.payload.groups = [...groups, group]
        }
      }
      return [...notices.values()]
    },
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

import { expect } from 'vitest'
import type { Engine } from '../support/databases.js'
import { declared } from '../process/process-api.js'

/**
 * A declared incident on a status page with one confirmed email subscriber, acknowledged and
 * resolved with the all-clear: ready for its postmortem.
 */
export async function resolvedIncident(engine: Engine, options: { severity?: number; isDrill?: boolean } = {}) {
  const t = await declared(engine, { severity: options.severity ?? 4, isDrill: options.isDrill ?? false })
  if (t.pageId) {
    const subscriber = await t.app.inject({
      method: 'POST',
      url: `/api/pages/${t.pageId}/subscribers`,
      headers: t.org.auth,
      payload: { address: 'reader@example.com', skip_confirmation: true },
    })
    expect(subscriber.statusCode).toBe(201)
  }
  await t.call('check-ins', { role: 'incident_lead', person: { id: 'u-ana', name: 'Ana' } })
  t.clock.advance(5 * 60_000)
  const ack = await t.call('messages', { stage: 'acknowledgement', text: "We're investigating.", channels: ['email'] })
  expect(ack.statusCode).toBe(201)
  t.clock.advance(40 * 60_000)
  const clear = await t.call('messages', { stage: 'all_clear', text: 'Checkout is back.', channels: [] })
  expect(clear.statusCode).toBe(201)
  const postmortem = (method: 'GET' | 'POST' | 'PATCH', suffix = '', payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/incidents/${t.id}/postmortem${suffix}`,
      headers: t.org.auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
  return { ...t, postmortem }
}

export const finishedPublic = {
  scope: 'Checkout, for every customer.',
  root_cause: 'A configuration change sent checkout traffic to a server pool that was being retired.',
  resolution: 'We rolled the change back and moved the traffic to the healthy pool.',
  improvements: 'Changes to traffic routing now need a second reviewer and a canary.',
}

/** Deliveries of subscriber updates, with their stage. */
export async function updateStages(t: Awaited<ReturnType<typeof resolvedIncident>>) {
  const rows = await t.deps.store.db
    .selectFrom('deliveries')
    .select(['stage'])
    .where('org_id', '=', t.org.id)
    .where('kind', '=', 'update')
    .orderBy('id')
    .execute()
  return rows.map((r) => r.stage)
}

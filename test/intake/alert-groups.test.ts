import { describe, expect, it } from 'vitest'
import { fixture } from '../../src/intake/payloads/fixtures.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { addMembers, getJson, postJson as post } from '../oncall/oncall-fixtures.js'
import { alertmanagerAlert, alertmanagerGroup, createIntegration, createRule, postJson } from './intake-helpers.js'

interface Accepted {
  alert_id: string
  incident_id: string | null
  change: string
}

/** The reference notification (two alerts of one group) with a third alert of the same group. */
function threeAlertNotification() {
  const body = fixture('alertmanager-webhook-v4.json') as { alerts: Record<string, unknown>[] }
  const first = body.alerts[0] as { labels: Record<string, string> }
  const third = {
    ...first,
    labels: { ...first.labels, instance: 'checkout-91aa:8080' },
    fingerprint: 'c0ffee0000000003',
  }
  return { ...body, alerts: [...body.alerts, third] }
}

async function pagingSetUp(t: TestApp) {
  const [ana] = await addMembers(t.deps.store.db, t.org.id, ['Ana'])
  const policy = await post(t.app, '/api/escalation-policies', t.org.auth, {
    name: 'Checkout',
    levels: [{ ack_timeout_minutes: 5, targets: [{ type: 'user', id: ana!.id }] }],
  })
  const { key } = await createIntegration(t.app, t.org, 'alertmanager')
  await createRule(t.app, t.org, { name: 'page checkout', actions: [{ type: 'page', escalationPolicyId: policy.id }] })
  const send = async (body: unknown): Promise<Accepted[]> => {
    const response = await postJson(t.app, `/api/intake/alertmanager/${key}`, body)
    expect(response.statusCode, response.body).toBe(202)
    return response.json().alerts
  }
  return { policyId: policy.id as string, send }
}

const pageIdOf = async (t: TestApp, alertId: string) =>
  (await getJson(t.app, `/api/alerts/${alertId}`, t.org.auth)).routing.pages[0].page_id as string

forEachDatabase((engine) => {
  describe('alerts of one Alertmanager group', () => {
    it(
      'page once for a notification of 3 alerts; ' +
        'later alerts of the group join the page, which resolves when all have',
      async () => {
        const t = await createTestApp(engine)
        const { send } = await pagingSetUp(t)
        const accepted = await send(threeAlertNotification())
        expect(accepted.map((a) => a.change)).toEqual(['opened', 'opened', 'opened'])
        const pages = await getJson(t.app, '/api/oncall-pages', t.org.auth)
        expect(pages).toHaveLength(1)
        const pageId = pages[0].id
        for (const a of accepted) expect(await pageIdOf(t, a.alert_id)).toBe(pageId)
        const page = await getJson(t.app, `/api/oncall-pages/${pageId}`, t.org.auth)
        expect(page.alert_id).toBe(accepted[0]!.alert_id)
        expect(page.events.filter((e: { type: string }) => e.type === 'alert_attached')).toHaveLength(2)

        // The next notification of the group repeats the three and brings a fourth: still one page.
        const group = (alerts: ReturnType<typeof alertmanagerAlert>[]) => ({
          ...alertmanagerGroup(alerts),
          groupKey: '{}:{alertname="Disk"}',
        })
        const disk = ['d1', 'd2', 'd3', 'd4'].map((f) => alertmanagerAlert(f, 'firing', { alertname: 'Disk' }))
        const firstDisk = await send(group(disk.slice(0, 3)))
        const later = await send(group(disk))
        expect(later.map((a) => a.change)).toEqual(['updated', 'updated', 'updated', 'opened'])
        const diskPage = await pageIdOf(t, firstDisk[0]!.alert_id)
        expect(diskPage).not.toBe(pageId)
        expect(await pageIdOf(t, later[3]!.alert_id)).toBe(diskPage)
        expect(await getJson(t.app, '/api/oncall-pages', t.org.auth)).toHaveLength(2)

        // Half the group resolved: the page stays; all of it: the page resolves. The other group's page is untouched.
        const resolved = (f: string) => alertmanagerAlert(f, 'resolved', { alertname: 'Disk' })
        await send(group([resolved('d1'), resolved('d2'), disk[2]!, disk[3]!]))
        expect((await getJson(t.app, `/api/oncall-pages/${diskPage}`, t.org.auth)).status).toBe('triggered')
        await send(group([resolved('d1'), resolved('d2'), resolved('d3'), resolved('d4')]))
        expect((await getJson(t.app, `/api/oncall-pages/${diskPage}`, t.org.auth)).status).toBe('resolved')
        expect((await getJson(t.app, `/api/oncall-pages/${pageId}`, t.org.auth)).status).toBe('triggered')

        // Firing again after the group's page resolved pages anew.
        const again = await send(group([disk[0]!]))
        expect(again[0]!.change).toBe('reopened')
        expect(await pageIdOf(t, again[0]!.alert_id)).not.toBe(diskPage)
        expect(await getJson(t.app, '/api/oncall-pages', t.org.auth)).toHaveLength(3)
      },
    )

    it(
      'open one incident per group for a rule without threshold: ' +
        'a notification of 3 alerts gives one, another group its own',
      async () => {
        const t = await createTestApp(engine)
        const { key } = await createIntegration(t.app, t.org, 'alertmanager')
        await createRule(t.app, t.org, { name: 'incidents', actions: [{ type: 'open_incident' }] })
        const send = async (body: unknown): Promise<Accepted[]> =>
          (await postJson(t.app, `/api/intake/alertmanager/${key}`, body)).json().alerts
        const checkout = await send(threeAlertNotification())
        const incidentId = checkout[0]!.incident_id
        expect(incidentId).toEqual(expect.any(String))
        expect(checkout.map((a) => a.incident_id)).toEqual([incidentId, incidentId, incidentId])
        const other = await send({
          ...alertmanagerGroup([alertmanagerAlert('db-1', 'firing', { alertname: 'ReplicationLag' })]),
          groupKey: '{}:{alertname="ReplicationLag"}',
        })
        expect(other[0]!.incident_id).toEqual(expect.any(String))
        expect(other[0]!.incident_id).not.toBe(incidentId)
        const attached = await getJson(t.app, `/api/alerts?incident_id=${incidentId}`, t.org.auth)
        expect(attached).toHaveLength(3)
        expect(await getJson(t.app, '/api/incidents', t.org.auth)).toHaveLength(2)
      },
    )
  })

  describe("an alert another rule decides stays out of a rule's incident", () => {
    it(
      'counts and attaches to a threshold incident only alerts this rule decides, ' + 'not ones an earlier rule took',
      async () => {
        const t = await createTestApp(engine)
        const { key } = await createIntegration(t.app, t.org, 'webhook')
        await createRule(t.app, t.org, {
          name: 'B: checkout info is only recorded',
          position: 0,
          conditions: [
            { field: 'labels.service', op: 'equals', value: 'checkout' },
            { field: 'severity', op: 'equals', value: 'info' },
          ],
          actions: [{ type: 'record' }],
        })
        await createRule(t.app, t.org, {
          name: 'A: three checkout alerts',
          position: 1,
          conditions: [{ field: 'labels.service', op: 'equals', value: 'checkout' }],
          actions: [{ type: 'open_incident', threshold: { minAlerts: 3, windowMinutes: 10 } }],
        })
        const send = async (k: string, severity: string): Promise<Accepted> =>
          (
            await postJson(t.app, `/api/intake/webhook/${key}`, {
              summary: k,
              dedup_key: k,
              severity,
              labels: { service: 'checkout' },
            })
          ).json().alerts[0]
        await send('info-1', 'info')
        await send('info-2', 'info')
        expect((await send('crit-1', 'critical')).incident_id).toBeNull()
        expect((await send('crit-2', 'critical')).incident_id).toBeNull()
        const third = await send('crit-3', 'critical')
        expect(third.incident_id).toEqual(expect.any(String))
        const attached = await getJson(t.app, `/api/alerts?incident_id=${third.incident_id}`, t.org.auth)
        expect(attached.map((a: { dedup_key: string }) => a.dedup_key).sort()).toEqual(['crit-1', 'crit-2', 'crit-3'])
      },
    )

    it("keeps each rule's incident to its own alerts when two rules open incidents", async () => {
      const t = await createTestApp(engine)
      const { key } = await createIntegration(t.app, t.org, 'webhook')
      for (const [position, service] of [
        [0, 'checkout'],
        [1, 'search'],
      ] as const) {
        await createRule(t.app, t.org, {
          name: service,
          position,
          conditions: [{ field: 'labels.service', op: 'equals', value: service }],
          actions: [{ type: 'open_incident' }],
        })
      }
      const send = async (k: string, service: string): Promise<Accepted> =>
        (await postJson(t.app, `/api/intake/webhook/${key}`, { summary: k, dedup_key: k, labels: { service } })).json()
          .alerts[0]
      const checkout = await send('c1', 'checkout')
      const search = await send('s1', 'search')
      expect(search.incident_id).not.toBe(checkout.incident_id)
      expect((await send('c2', 'checkout')).incident_id).toBe(checkout.incident_id)
      expect((await send('s2', 'search')).incident_id).toBe(search.incident_id)
    })
  })
})

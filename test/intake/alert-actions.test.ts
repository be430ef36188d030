import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { alertmanagerAlert, alertmanagerGroup, createIntegration, postJson } from './intake-helpers.js'

type Entry = { type: string; [k: string]: unknown }
const timelineOf = async (t: TestApp, id: string): Promise<Entry[]> =>
  (await t.app.inject({ url: `/api/incidents/${id}/timeline`, headers: t.org.auth })).json().entries

/** Two Alertmanager alerts, no routing rule: recorded, on no incident. */
async function twoAlerts(t: TestApp) {
  const { key } = await createIntegration(t.app, t.org, 'alertmanager')
  const first = {
    ...alertmanagerAlert('fp-1', 'firing'),
    annotations: {
      summary: 'Checkout errors on fp-1',
      runbook_url: 'https://runbooks.example.com/checkout',
      description: 'Error rate above 5%',
    },
    generatorURL: 'https://prometheus.example.com/graph?g0.expr=errors',
  }
  const response = await postJson(
    t.app,
    `/api/intake/alertmanager/${key}`,
    alertmanagerGroup([first, alertmanagerAlert('fp-2', 'firing')] as ReturnType<typeof alertmanagerAlert>[]),
  )
  expect(response.statusCode).toBe(202)
  return response.json().alerts.map((a: { alert_id: string }) => a.alert_id) as [string, string]
}

forEachDatabase((engine) => {
  describe('alerts in the console', () => {
    it('shows an alert with labels, annotations, runbook and source links, and its incident', async () => {
      const t = await createTestApp(engine)
      const [alertId] = await twoAlerts(t)
      const alert = (await t.app.inject({ url: `/api/alerts/${alertId}`, headers: t.org.auth })).json()
      expect(alert).toMatchObject({
        id: alertId,
        status: 'firing',
        labels: { service: 'checkout', severity: 'critical' },
        annotations: { runbook_url: 'https://runbooks.example.com/checkout', description: 'Error rate above 5%' },
        runbook_url: 'https://runbooks.example.com/checkout',
        links: [
          { href: 'https://prometheus.example.com/graph?g0.expr=errors', text: 'Source' },
          { href: 'http://alertmanager.test', text: 'Alertmanager' },
        ],
        incident: null,
      })
    })

    it('opens an incident pre-filled from an alert, the alert attached and on its timeline; only once', async () => {
      const t = await createTestApp(engine)
      const pageId = (
        await t.app.inject({
          method: 'POST',
          url: '/api/pages',
          headers: t.org.auth,
          payload: { slug: 's', name: 'S' },
        })
      ).json().id
      const [alertId, otherId] = await twoAlerts(t)
      // The console may send no body at all: everything comes from the alert.
      const opened = await t.app.inject({
        method: 'POST',
        url: `/api/alerts/${alertId}/open-incident`,
        headers: t.org.auth,
      })
      expect(opened.statusCode).toBe(201)
      const incidentId: string = opened.json().incident_id
      const incident = (await t.app.inject({ url: `/api/incidents/${incidentId}`, headers: t.org.auth })).json()
      // critical suggests level 4 (serious) by the alert-severity mapping; the only page is chosen.
      expect(incident).toMatchObject({
        title: 'Checkout errors on fp-1',
        severity: 4,
        status: 'triage',
        page_id: pageId,
      })
      expect((await timelineOf(t, incidentId)).slice(0, 2)).toMatchObject([
        { type: 'incident_opened', source: 'alert' },
        { type: 'alert_attached', alertId, summary: 'Checkout errors on fp-1' },
      ])
      const alert = (await t.app.inject({ url: `/api/alerts/${alertId}`, headers: t.org.auth })).json()
      expect(alert.incident).toMatchObject({ id: incidentId, title: 'Checkout errors on fp-1', status: 'triage' })

      const again = await t.app.inject({
        method: 'POST',
        url: `/api/alerts/${alertId}/open-incident`,
        headers: t.org.auth,
        payload: {},
      })
      expect(again.statusCode).toBe(409)
      expect(again.json().errors[0].path).toBe('incident_id')

      const attach = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${incidentId}/alerts`,
        headers: t.org.auth,
        payload: { alert_id: otherId },
      })
      expect(attach.statusCode).toBe(200)
      expect((await t.app.inject({ url: `/api/alerts/${otherId}`, headers: t.org.auth })).json().incident.id).toBe(
        incidentId,
      )
      const attachedEntries = (await timelineOf(t, incidentId)).filter((e) => e.type === 'alert_attached')
      expect(attachedEntries.map((e) => e.alertId)).toEqual([alertId, otherId])
      const listed = (await t.app.inject({ url: `/api/incidents/${incidentId}/alerts`, headers: t.org.auth })).json()
      expect(listed.map((a: { id: string }) => a.id).sort()).toEqual([alertId, otherId].sort())
      expect(listed.find((a: { id: string }) => a.id === alertId).runbook_url).toBe(
        'https://runbooks.example.com/checkout',
      )
    })

    it('needs a summary for an alert it never received; 404 for an unknown alert', async () => {
      const t = await createTestApp(engine)
      const opened = await t.app.inject({
        method: 'POST',
        url: '/api/process/incidents',
        headers: t.org.auth,
        payload: { title: 'Checkout down' },
      })
      const id = opened.json().incident_id
      const attach = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/alerts`,
        headers: t.org.auth,
        payload: { alert_id: 'external-42' },
      })
      expect(attach.statusCode).toBe(400)
      expect(attach.json().errors).toEqual([expect.objectContaining({ path: 'summary' })])
      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/alerts/00000000-0000-4000-8000-000000000000/open-incident',
        headers: t.org.auth,
        payload: {},
      })
      expect(missing.statusCode).toBe(404)
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/alerts/00000000-0000-4000-8000-000000000000/open-incident',
        headers: t.org.auth,
        payload: { severity: 'high' },
      })
      expect(bad.statusCode).toBe(400)
    })

    it('acknowledges a firing alert once, and refuses viewers', async () => {
      const t = await createTestApp(engine)
      const [alertId] = await twoAlerts(t)
      const viewer = await t.org.tokenFor('viewer')
      const refused = await t.app.inject({ method: 'POST', url: `/api/alerts/${alertId}/acknowledge`, headers: viewer })
      expect(refused.statusCode).toBe(403)
      const ack = await t.app.inject({ method: 'POST', url: `/api/alerts/${alertId}/acknowledge`, headers: t.org.auth })
      expect(ack.statusCode).toBe(200)
      expect(ack.json()).toMatchObject({ id: alertId, status: 'acknowledged', acknowledged_at: expect.any(String) })
      const again = await t.app.inject({
        method: 'POST',
        url: `/api/alerts/${alertId}/acknowledge`,
        headers: t.org.auth,
      })
      expect(again.json().acknowledged_at).toBe(ack.json().acknowledged_at)
      const events = (await t.app.inject({ url: `/api/alerts/${alertId}`, headers: t.org.auth })).json().events
      expect(events.filter((e: { action: string }) => e.action === 'acknowledge')).toHaveLength(1)
    })
  })
})

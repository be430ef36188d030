import { describe, expect, it } from 'vitest'
import type { AlertPageRequest } from '../../src/app/context.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { createIntegration, createRule, postJson } from './intake-helpers.js'

const webhookAlert = (dedup_key: string, labels: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({
  summary: `Problem ${dedup_key}`,
  dedup_key,
  severity: 'critical',
  labels,
  ...extra,
})

forEachDatabase((engine) => {
  describe('alert routing', () => {
    it(
      'opens one triage incident for a matching alert, ' +
        'with the suggested severity, and attaches later alerts of the rule',
      async () => {
        const { app, org, clock } = await createTestApp(engine)
        const { key } = await createIntegration(app, org, 'webhook')
        const rule = await createRule(app, org, {
          name: 'checkout critical',
          conditions: [
            { field: 'labels.service', op: 'equals', value: 'checkout' },
            { field: 'severity', op: 'severity_at_least', value: 'error' },
          ],
          actions: [{ type: 'open_incident', severity: 4 }],
        })
        const first = await postJson(app, `/api/intake/webhook/${key}`, webhookAlert('a', { service: 'checkout' }))
        const incidentId = first.json().alerts[0].incident_id
        expect(incidentId).toEqual(expect.any(String))
        const incident = (await app.inject({ url: `/api/incidents/${incidentId}`, headers: org.auth })).json()
        expect(incident).toMatchObject({ title: 'Problem a', status: 'triage', severity: 4, impact: 'major' })

        clock.advance(60_000)
        const second = await postJson(app, `/api/intake/webhook/${key}`, webhookAlert('b', { service: 'checkout' }))
        expect(second.json().alerts[0].incident_id).toBe(incidentId)
        const elsewhere = await postJson(app, `/api/intake/webhook/${key}`, webhookAlert('c', { service: 'search' }))
        expect(elsewhere.json().alerts[0].incident_id).toBeNull()
        const attached = (await app.inject({ url: `/api/alerts?incident_id=${incidentId}`, headers: org.auth })).json()
        expect(attached.map((a: { dedup_key: string }) => a.dedup_key).sort()).toEqual(['a', 'b'])
        const alertA = attached.find((a: { dedup_key: string }) => a.dedup_key === 'a')
        expect(alertA).toMatchObject({
          disposition: 'act',
          routing: { matched_rule_ids: [rule.id], incident: { opened: incidentId } },
        })
        const triage = (await app.inject({ url: '/api/incidents?status=triage', headers: org.auth })).json()
        expect(triage).toHaveLength(1)
      },
    )

    it('opens an incident only when ≥ 3 alerts for the service fire within 10 minutes', async () => {
      const { app, org, clock } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'webhook')
      await createRule(app, org, {
        name: 'three checkout alerts',
        conditions: [{ field: 'labels.service', op: 'matches', pattern: 'checkout|payments' }],
        actions: [{ type: 'open_incident', threshold: { minAlerts: 3, windowMinutes: 10, groupByLabel: 'service' } }],
      })
      const post = (k: string, service = 'checkout') =>
        postJson(app, `/api/intake/webhook/${key}`, webhookAlert(k, { service }))
      expect((await post('h1')).json().alerts[0].incident_id).toBeNull()
      clock.advance(11 * 60_000)
      expect((await post('h2')).json().alerts[0].incident_id).toBeNull()
      clock.advance(60_000)
      expect((await post('h2')).json().alerts[0].incident_id).toBeNull()
      expect((await post('p1', 'payments')).json().alerts[0].incident_id).toBeNull()
      clock.advance(60_000)
      // h1 fired 13 minutes ago and has left the window: h2 and h3 make two, not three.
      expect((await post('h3')).json().alerts[0].incident_id).toBeNull()
      const fourth = await post('h4')
      const incidentId = fourth.json().alerts[0].incident_id
      expect(incidentId).toEqual(expect.any(String))
      const incident = (await app.inject({ url: `/api/incidents/${incidentId}`, headers: org.auth })).json()
      expect(incident).toMatchObject({
        status: 'triage',
        title: '3 alerts in 10 min (service=checkout): Problem h4',
        severity: 4,
      })
      const attached = (await app.inject({ url: `/api/alerts?incident_id=${incidentId}`, headers: org.auth })).json()
      expect(attached.map((a: { dedup_key: string }) => a.dedup_key).sort()).toEqual(['h2', 'h3', 'h4'])
      expect((await post('h5')).json().alerts[0].incident_id).toBe(incidentId)
      expect((await app.inject({ url: '/api/incidents?status=triage', headers: org.auth })).json()).toHaveLength(1)
    })

    it(
      'pages nobody without an on-call module but records the request on the alert, ' +
        'and calls a registered pager in the transaction',
      async () => {
        const { app, org, deps } = await createTestApp(engine)
        deps.hooks.alertPageRequested.length = 0
        const { key } = await createIntegration(app, org, 'webhook')
        await createRule(app, org, {
          name: 'page db',
          conditions: [{ field: 'labels.team', op: 'equals', value: 'db' }],
          actions: [{ type: 'page', escalationPolicyId: 'ep-db' }],
        })
        const unpaged = await postJson(app, `/api/intake/webhook/${key}`, webhookAlert('x', { team: 'db' }))
        const alert = (
          await app.inject({ url: `/api/alerts/${unpaged.json().alerts[0].alert_id}`, headers: org.auth })
        ).json()
        expect(alert.routing.pages).toEqual([{ escalation_policy_id: 'ep-db', status: 'not_delivered_no_oncall' }])

        const requests: AlertPageRequest[] = []
        deps.hooks.alertPageRequested.push(async (_tx, _ctx, request) => {
          requests.push(request)
          return 'page-1'
        })
        const paged = await postJson(app, `/api/intake/webhook/${key}`, webhookAlert('y', { team: 'db' }))
        expect(requests).toMatchObject([
          { escalationPolicyId: 'ep-db', alert: { dedup_key: 'y', severity: 'critical' }, incidentId: null },
        ])
        const pagedAlert = (
          await app.inject({ url: `/api/alerts/${paged.json().alerts[0].alert_id}`, headers: org.auth })
        ).json()
        expect(pagedAlert.routing.pages).toEqual([
          { escalation_policy_id: 'ep-db', status: 'paged', page_id: 'page-1' },
        ])
        await postJson(app, `/api/intake/webhook/${key}`, webhookAlert('y', { team: 'db' }))
        expect(requests).toHaveLength(1)
      },
    )

    it('stores nothing of a request whose routing fails half-way', async () => {
      const { app, org, deps } = await createTestApp(engine)
      deps.hooks.alertPageRequested.length = 0
      const { key } = await createIntegration(app, org, 'webhook')
      await createRule(app, org, {
        name: 'page',
        actions: [{ type: 'open_incident' }, { type: 'page', escalationPolicyId: 'ep' }],
      })
      deps.hooks.alertPageRequested.push(async () => {
        throw Object.assign(new Error('connection lost'), { code: '57P01' })
      })
      const failed = await postJson(app, `/api/intake/webhook/${key}`, {
        alerts: [webhookAlert('ok-1'), webhookAlert('ok-2')],
      })
      expect(failed.statusCode).toBe(503)
      expect((await app.inject({ url: '/api/alerts', headers: org.auth })).json()).toEqual([])
      expect((await app.inject({ url: '/api/incidents', headers: org.auth })).json()).toEqual([])
    })

    it('marks an ignored alert and opens nothing for it', async () => {
      const { app, org } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'webhook')
      await createRule(app, org, {
        name: 'mute info',
        position: 0,
        conditions: [{ field: 'severity', op: 'equals', value: 'info' }],
        actions: [{ type: 'ignore' }],
      })
      await createRule(app, org, { name: 'everything else', position: 1, actions: [{ type: 'open_incident' }] })
      const muted = await postJson(app, `/api/intake/webhook/${key}`, webhookAlert('i', {}, { severity: 'info' }))
      expect(muted.json().alerts[0].incident_id).toBeNull()
      const [alert] = (await app.inject({ url: '/api/alerts', headers: org.auth })).json()
      expect(alert.disposition).toBe('ignore')
    })

    it('recognises a flapping alert and does not re-route its re-fires', async () => {
      const { app, org, clock } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'webhook', { flap: { windowMinutes: 10, minChanges: 3 } })
      await createRule(app, org, { name: 'page', actions: [{ type: 'page', escalationPolicyId: 'ep' }] })
      const send = (status: string) => {
        clock.advance(60_000)
        return postJson(
          app,
          `/api/intake/webhook/${key}`,
          status === 'firing' ? webhookAlert('flappy') : { dedup_key: 'flappy', status },
        )
      }
      for (const status of ['firing', 'resolved', 'firing', 'resolved', 'firing']) await send(status)
      const [alert] = (await app.inject({ url: '/api/alerts', headers: org.auth })).json()
      expect(alert).toMatchObject({ status: 'firing', is_flapping: true, fire_count: 3, event_count: 5 })
      expect(new Date(alert.routing.routed_at).getTime()).toBeLessThan(clock.now.getTime())
    })
  })
})

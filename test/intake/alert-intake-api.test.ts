import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { alertmanagerAlert, alertmanagerGroup, createIntegration, createRule, postJson } from './intake-helpers.js'

forEachDatabase((engine) => {
  describe('alert intake API', () => {
    it('creates an integration and answers with its key and address once, never listing the key again', async () => {
      const { app, org } = await createTestApp(engine)
      const created = await createIntegration(app, org, 'alertmanager')
      expect(created.key).toMatch(/^[0-9a-f]{32}$/)
      expect(created.url).toBe(`http://status.test/api/intake/alertmanager/${created.key}`)
      const pd = await createIntegration(app, org, 'pagerduty')
      expect(pd).toMatchObject({ url: 'http://status.test/v2/enqueue', routing_key: pd.key })
      const mail = await createIntegration(app, org, 'email', {
        email: { dedup: { by: 'header', header: 'X-Alert-Id' } },
      })
      expect(mail.email).toBe(`${mail.key}@status.test`)
      const list = (await app.inject({ url: '/api/integrations', headers: org.auth })).json()
      expect(list).toHaveLength(3)
      expect(JSON.stringify(list)).not.toContain(created.key)
    })

    it('deduplicates Alertmanager alerts by fingerprint and resolves them', async () => {
      const { app, org, clock } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'alertmanager')
      const url = `/api/intake/alertmanager/${key}`
      const first = await postJson(
        app,
        url,
        alertmanagerGroup([alertmanagerAlert('fp-a', 'firing'), alertmanagerAlert('fp-b', 'firing')]),
      )
      expect(first.statusCode).toBe(202)
      expect(first.json().alerts.map((a: { change: string }) => a.change)).toEqual(['opened', 'opened'])
      clock.advance(60_000)
      const again = await postJson(app, url, alertmanagerGroup([alertmanagerAlert('fp-a', 'firing')]))
      expect(again.json().alerts[0].change).toBe('updated')
      clock.advance(60_000)
      const resolved = await postJson(
        app,
        url,
        alertmanagerGroup([alertmanagerAlert('fp-a', 'resolved'), alertmanagerAlert('fp-b', 'resolved')]),
      )
      expect(resolved.json().alerts.map((a: { change: string }) => a.change)).toEqual(['resolved', 'resolved'])

      const alerts = (await app.inject({ url: '/api/alerts', headers: org.auth })).json()
      expect(alerts).toHaveLength(2)
      const a = alerts.find((x: { dedup_key: string }) => x.dedup_key === 'fp-a')
      expect(a).toMatchObject({
        status: 'resolved',
        event_count: 3,
        severity: 'critical',
        summary: 'Checkout errors on fp-a',
        labels: { service: 'checkout' },
      })
      const detail = (await app.inject({ url: `/api/alerts/${a.id}`, headers: org.auth })).json()
      expect(detail.events.map((e: { change: string }) => e.change)).toEqual(['resolved', 'updated', 'opened'])
      expect(detail.events[2].payload).toMatchObject({
        receiver: 'candor',
        alerts: [{ fingerprint: 'fp-a', status: 'firing' }],
      })
    })

    it('speaks PagerDuty Events v2: 202 with the dedup key, acknowledge, resolve, and 400s in its shape', async () => {
      const { app, org } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'pagerduty')
      const trigger = {
        routing_key: key,
        event_action: 'trigger',
        payload: { summary: 'DB lag', source: 'db1', severity: 'warning' },
      }
      const accepted = await postJson(app, '/v2/enqueue', trigger)
      expect(accepted.statusCode).toBe(202)
      const { dedup_key } = accepted.json()
      expect(accepted.json()).toEqual({
        status: 'success',
        message: 'Event processed',
        dedup_key: expect.stringMatching(/^[0-9a-f]{32}$/),
      })
      expect(
        (await postJson(app, '/v2/enqueue', { routing_key: key, event_action: 'acknowledge', dedup_key })).statusCode,
      ).toBe(202)
      expect(
        (await postJson(app, '/v2/enqueue', { routing_key: key, event_action: 'resolve', dedup_key })).json(),
      ).toEqual({ status: 'success', message: 'Event processed', dedup_key })
      const [alert] = (await app.inject({ url: '/api/alerts', headers: org.auth })).json()
      expect(alert).toMatchObject({ status: 'resolved', event_count: 3, severity: 'warning' })
      expect(alert.acknowledged_at).not.toBeNull()

      const invalid = await postJson(app, '/v2/enqueue', {
        routing_key: key,
        event_action: 'trigger',
        payload: { summary: 'x' },
      })
      expect(invalid.statusCode).toBe(400)
      expect(invalid.json()).toEqual({
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ["'payload.source' is missing or blank", "'payload.severity' is missing or blank"],
      })
      const unknown = await postJson(app, '/v2/enqueue', { ...trigger, routing_key: '0'.repeat(32) })
      expect(unknown.json()).toEqual({
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ['Invalid routing key'],
      })
      const malformed = await app.inject({
        method: 'POST',
        url: '/v2/enqueue',
        headers: { 'content-type': 'application/json' },
        payload: '{"routing_key":',
      })
      expect(malformed.statusCode).toBe(400)
      expect(malformed.json()).toMatchObject({
        status: 'Unrecognized object',
        message: 'Event object format is unrecognized',
      })
      const huge = await postJson(app, '/v2/enqueue', {
        ...trigger,
        payload: { ...trigger.payload, custom_details: { blob: 'x'.repeat(600 * 1024) } },
      })
      expect(huge.statusCode).toBe(400)
      expect(huge.json().errors[0]).toContain('too large')
      // A browser-style request carrying a session cookie but no CSRF token is refused, not a 500.
      const forged = await app.inject({
        method: 'POST',
        url: '/v2/enqueue',
        headers: { 'content-type': 'text/plain', cookie: 'candor_session=forged', origin: '' },
        payload: JSON.stringify(trigger),
      })
      expect(forged.statusCode).toBeGreaterThanOrEqual(400)
      expect(forged.statusCode).toBeLessThan(500)
    })

    it('takes the generic webhook and refuses bad input with problem JSON, storing nothing', async () => {
      const { app, org } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'webhook')
      const url = `/api/intake/webhook/${key}`
      expect(
        (await postJson(app, url, { summary: 'Search slow', dedup_key: 's', labels: { service: 'search' } }))
          .statusCode,
      ).toBe(202)
      const typo = await postJson(app, url, { sumary: 'x' })
      expect(typo.statusCode).toBe(400)
      expect(typo.headers['content-type']).toContain('application/problem+json')
      expect(typo.json()).toMatchObject({
        code: 'VALIDATION',
        errors: [{ message: expect.stringContaining('sumary') }],
      })
      const text = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'text/plain' },
        payload: 'summary=x',
      })
      expect(text.statusCode).toBe(415)
      const malformed = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: '{"summary": ',
      })
      expect(malformed.statusCode).toBe(400)
      const tooBig = await postJson(app, url, { summary: 'x', details: { blob: 'x'.repeat(2 * 1024 * 1024) } })
      expect(tooBig.statusCode).toBe(413)
      expect((await postJson(app, `/api/intake/webhook/${'f'.repeat(32)}`, { summary: 'x' })).statusCode).toBe(404)
      const batchWithOneBad = await postJson(app, url, {
        alerts: [{ summary: 'fine', dedup_key: 'ok' }, { status: 'resolved' }],
      })
      expect(batchWithOneBad.statusCode).toBe(400)
      const alerts = (await app.inject({ url: '/api/alerts', headers: org.auth })).json()
      expect(alerts.map((a: { dedup_key: string }) => a.dedup_key)).toEqual(['s'])
    })

    it('refuses a replayed request with the same Idempotency-Key and keeps one copy', async () => {
      const { app, org } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'webhook')
      const send = () =>
        postJson(
          app,
          `/api/intake/webhook/${key}`,
          { summary: 'Once', dedup_key: 'once' },
          { 'idempotency-key': 'req-1' },
        )
      expect((await send()).statusCode).toBe(202)
      const replay = await send()
      expect(replay.statusCode).toBe(409)
      expect(replay.json()).toMatchObject({ code: 'CONFLICT', title: expect.stringContaining('already received') })
      const [alert] = (await app.inject({ url: '/api/alerts', headers: org.auth })).json()
      expect(alert.event_count).toBe(1)
    })

    it(
      'keeps every concurrent request whole: ' + 'duplicates counted once per alert, one replay refused alone',
      async () => {
        const { app, org } = await createTestApp(engine)
        const { key } = await createIntegration(app, org, 'webhook')
        const url = `/api/intake/webhook/${key}`
        const requests = [
          ...Array.from({ length: 40 }, (_, i) =>
            postJson(app, url, { summary: `Storm ${i % 20}`, dedup_key: `storm-${i % 20}` }),
          ),
          postJson(app, url, { summary: 'Once', dedup_key: 'once' }, { 'idempotency-key': 'same' }),
          postJson(app, url, { summary: 'Once', dedup_key: 'once' }, { 'idempotency-key': 'same' }),
        ]
        const statuses = (await Promise.all(requests)).map((r) => r.statusCode)
        expect(statuses.filter((s) => s === 202)).toHaveLength(41)
        expect(statuses.filter((s) => s === 409)).toHaveLength(1)
        const alerts = (await app.inject({ url: '/api/alerts?limit=200', headers: org.auth })).json()
        expect(alerts).toHaveLength(21)
        for (const a of alerts) expect(a.event_count).toBe(a.dedup_key === 'once' ? 1 : 2)
      },
    )

    it('refuses a key of another kind and keeps tenants apart', async () => {
      const { app, org, createOrg } = await createTestApp(engine)
      const pd = await createIntegration(app, org, 'pagerduty')
      expect((await postJson(app, `/api/intake/webhook/${pd.key}`, { summary: 'x' })).statusCode).toBe(404)
      const other = await createOrg()
      const { key } = await createIntegration(app, other, 'webhook')
      await postJson(app, `/api/intake/webhook/${key}`, { summary: 'Theirs', dedup_key: 't' })
      expect((await app.inject({ url: '/api/alerts', headers: org.auth })).json()).toEqual([])
      expect((await app.inject({ url: '/api/alerts', headers: other.auth })).json()).toHaveLength(1)
    })

    it('stops accepting alerts as soon as the integration is deleted', async () => {
      const { app, org } = await createTestApp(engine)
      const { id, key } = await createIntegration(app, org, 'webhook')
      expect((await postJson(app, `/api/intake/webhook/${key}`, { summary: 'x' })).statusCode).toBe(202)
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/integrations/${id}`, headers: org.auth })).statusCode,
      ).toBe(204)
      expect((await postJson(app, `/api/intake/webhook/${key}`, { summary: 'x' })).statusCode).toBe(404)
    })

    it('lets only managers create integrations and rules', async () => {
      const { app, org } = await createTestApp(engine)
      const responder = await org.tokenFor('responder')
      const denied = await app.inject({
        method: 'POST',
        url: '/api/integrations',
        headers: responder,
        payload: { kind: 'webhook', name: 'x' },
      })
      expect(denied.statusCode).toBe(403)
      const rule = await app.inject({
        method: 'POST',
        url: '/api/routing-rules',
        headers: responder,
        payload: { name: 'r', actions: [{ type: 'record' }] },
      })
      expect(rule.statusCode).toBe(403)
      expect((await app.inject({ url: '/api/alerts', headers: responder })).statusCode).toBe(200)
    })

    it('lists, changes and deletes routing rules, and the next alert sees the change at once', async () => {
      const { app, org } = await createTestApp(engine)
      const { key } = await createIntegration(app, org, 'webhook')
      const rule = await createRule(app, org, {
        name: 'mute search',
        conditions: [{ field: 'labels.service', op: 'equals', value: 'search' }],
        actions: [{ type: 'ignore' }],
      })
      const mute = async (k: string) =>
        (
          await postJson(app, `/api/intake/webhook/${key}`, { summary: k, dedup_key: k, labels: { service: 'search' } })
        ).json().alerts[0].alert_id
      const disposition = async (id: string) =>
        (await app.inject({ url: `/api/alerts/${id}`, headers: org.auth })).json().disposition
      expect(await disposition(await mute('a'))).toBe('ignore')
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/routing-rules/${rule.id}`,
        headers: org.auth,
        payload: { is_enabled: false },
      })
      expect(patched.json()).toMatchObject({ id: rule.id, is_enabled: false, name: 'mute search' })
      expect(await disposition(await mute('b'))).toBe('record')
      expect(
        (
          await app.inject({
            method: 'PATCH',
            url: `/api/routing-rules/${rule.id}`,
            headers: org.auth,
            payload: { actions: [] },
          })
        ).statusCode,
      ).toBe(400)
      expect((await app.inject({ url: '/api/routing-rules', headers: org.auth })).json()).toHaveLength(1)
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/routing-rules/${rule.id}`, headers: org.auth })).statusCode,
      ).toBe(204)
      expect((await app.inject({ url: `/api/routing-rules/${rule.id}`, headers: org.auth })).statusCode).toBe(404)
    })

    it('documents the intake and management routes in the OpenAPI document', async () => {
      const { app } = await createTestApp(engine)
      const doc = (await app.inject({ url: '/api/openapi.json' })).json()
      for (const path of [
        '/api/integrations',
        '/api/routing-rules',
        '/api/alerts',
        '/api/intake/alertmanager/{key}',
        '/api/intake/webhook/{key}',
        '/v2/enqueue',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path)
      }
    })

    it('validates routing rules, naming every problem', async () => {
      const { app, org } = await createTestApp(engine)
      const response = await app.inject({
        method: 'POST',
        url: '/api/routing-rules',
        headers: org.auth,
        payload: {
          name: 'bad',
          conditions: [{ field: 'labels.x', op: 'matches', pattern: '(a+)+' }],
          actions: [{ type: 'open_incident', severity: 9 }],
        },
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'conditions.0.pattern',
        'actions.0.severity',
      ])
      await createRule(app, org, { name: 'ok', actions: [{ type: 'record' }] })
    })
  })
})

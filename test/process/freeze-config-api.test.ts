import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { bind, declared, processApp } from './process-api.js'

forEachDatabase((engine) => {
  describe('the marketing freeze', () => {
    it('freezes while a serious incident is open, says since when, and webhooks on each edge only', async () => {
      const t = await processApp(engine, { severity: 4 })
      await t.app.inject({
        method: 'PATCH',
        url: '/api/process/settings',
        headers: t.org.auth,
        payload: { freeze_webhook_url: 'https://marketing.example/hooks/freeze' },
      })
      const freeze = async () => (await t.app.inject({ url: '/api/freeze', headers: t.org.auth })).json()
      expect(await freeze()).toMatchObject({ frozen: false, incidents: [], min_severity: 4 })

      t.clock.advance(60_000)
      await t.call('declare', { override_reason: 'x' })
      const declaredAt = t.clock.now.toISOString()
      expect(await freeze()).toMatchObject({
        frozen: true,
        since: declaredAt,
        incidents: [{ id: t.id, title: 'Checkout is down', severity: 4, since: declaredAt }],
      })

      const second = await t.app.inject({
        method: 'POST',
        url: '/api/process/incidents',
        headers: t.org.auth,
        payload: { title: 'Login slow', severity: 5 },
      })
      await bind(t, second.json().incident_id).call('declare', { override_reason: 'x' })
      expect((await freeze()).incidents).toHaveLength(2)

      await t.call('transition', { to: 'resolved' })
      expect((await freeze()).frozen).toBe(true)
      await bind(t, second.json().incident_id).call('transition', { to: 'resolved' })
      expect(await freeze()).toMatchObject({ frozen: false })

      const hooks = await t.outbox('freeze_webhook')
      expect(hooks.map((h) => h.payload.event)).toEqual(['freeze', 'unfreeze'])
      expect(hooks[0]?.payload).toMatchObject({
        url: 'https://marketing.example/hooks/freeze',
        body: { event: 'marketing.freeze', frozen: true, since: declaredAt },
      })
    })

    it('does not freeze for a lesser severity, until the level is lowered', async () => {
      const minor = await declared(engine, { severity: 3 })
      expect((await minor.app.inject({ url: '/api/freeze', headers: minor.org.auth })).json().frozen).toBe(false)
      await minor.app.inject({
        method: 'PATCH',
        url: '/api/process/settings',
        headers: minor.org.auth,
        payload: { freeze_min_severity: 3 },
      })
      expect((await minor.app.inject({ url: '/api/freeze', headers: minor.org.auth })).json().frozen).toBe(true)
    })

    it('never freezes marketing for a drill', async () => {
      const drill = await declared(engine, { severity: 5, isDrill: true })
      expect((await drill.app.inject({ url: '/api/freeze', headers: drill.org.auth })).json().frozen).toBe(false)
      expect(await drill.outbox('freeze_webhook')).toEqual([])
    })

    it('freezes when a severity change makes an open incident qualify', async () => {
      const t = await declared(engine, { severity: 2 })
      t.clock.advance(5 * 60_000)
      await t.call('severity', { level: 4 })
      const state = (await t.app.inject({ url: '/api/freeze', headers: t.org.auth })).json()
      expect(state).toMatchObject({ frozen: true, since: t.clock.now.toISOString() })
      // No webhook is configured here: the flag is the whole news, and no message is queued for nobody.
      expect(await t.outbox('freeze_webhook')).toEqual([])
    })
  })

  describe('the process configuration', () => {
    it('adds a crisis type of the organisation, with its own criteria checked in triage', async () => {
      const t = await processApp(engine)
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/process/crisis-types/supplier_failure',
        headers: t.org.auth,
        payload: { name: 'Supplier failure', criteria: [{ id: 'supplier_down', text: 'A key supplier is down' }] },
      })
      expect(put.statusCode).toBe(200)
      expect((await t.call('crisis-type', { crisis_type: 'supplier_failure' })).json()).toMatchObject({
        crisis_type: { name: 'Supplier failure' },
        playbook: null,
      })
      expect((await t.call('declare')).json().errors).toEqual([
        { path: 'criteria.supplier_down', message: 'A key supplier is down (not confirmed yet)' },
      ])
      await t.call('criteria', { criterion_id: 'supplier_down', is_met: true })
      expect((await t.call('declare')).statusCode).toBe(200)
      expect((await t.call('crisis-type', { crisis_type: 'weather' })).statusCode).toBe(400)
    })

    it('replaces who hears of what, and addresses the groups', async () => {
      const t = await processApp(engine)
      await t.app.inject({
        method: 'PUT',
        url: '/api/process/stakeholder-groups/legal',
        headers: t.org.auth,
        payload: { name: 'Legal', emails: ['legal@example.com'] },
      })
      const rules = await t.app.inject({
        method: 'PUT',
        url: '/api/process/stakeholder-rules',
        headers: t.org.auth,
        payload: { rules: [{ crisis_type: '*', groups: ['legal'], events: ['declared'] }] },
      })
      expect(rules.statusCode).toBe(200)
      await t.call('declare', { override_reason: 'x' })
      const [notice] = await t.outbox('stakeholder_notification')
      expect(notice?.payload).toMatchObject({ groups: ['legal'] })
      expect(notice?.recipients).toEqual(['legal@example.com'])
    })

    it('refuses a reminder outside the triage window, and lets only admins change settings', async () => {
      const t = await processApp(engine)
      const bad = await t.app.inject({
        method: 'PATCH',
        url: '/api/process/settings',
        headers: t.org.auth,
        payload: { triage_window_minutes: 5, triage_reminder_minutes: 10 },
      })
      expect(bad.statusCode).toBe(400)
      const responder = await t.org.tokenFor('responder')
      expect(
        (
          await t.app.inject({
            method: 'PATCH',
            url: '/api/process/settings',
            headers: responder,
            payload: { freeze_min_severity: 2 },
          })
        ).statusCode,
      ).toBe(403)
      const config = (await t.app.inject({ url: '/api/process/config', headers: responder })).json()
      expect(config.crisisTypes.map((c: { key: string }) => c.key)).toEqual([
        'service_outage',
        'security_incident',
        'physical_emergency',
        'legal',
        'pr',
      ])
    })

    it('documents the process routes in the OpenAPI document', async () => {
      const t = await processApp(engine)
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json()
      for (const path of [
        '/api/incidents/{id}/declare',
        '/api/incidents/{id}/timeline',
        '/api/incidents/{id}/checklist',
        '/api/freeze',
        '/api/process/incidents',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path)
      }
    })
  })
})

import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { addMembers, getJson, postJson as post } from '../oncall/oncall-fixtures.js'
import { createIntegration, createRule, postJson } from './intake-helpers.js'

const alert = (dedup_key: string, labels: Record<string, string> = {}) => ({
  summary: `Problem ${dedup_key}`,
  dedup_key,
  severity: 'critical',
  labels,
})

async function policyAndPage(t: TestApp) {
  const [ana] = await addMembers(t.deps.store.db, t.org.id, ['Ana'])
  const policy = await post(t.app, '/api/escalation-policies', t.org.auth, {
    name: 'Payments',
    levels: [{ ack_timeout_minutes: 5, targets: [{ type: 'user', id: ana!.id }] }],
  })
  const page = await post(t.app, '/api/pages', t.org.auth, { slug: 'pay', name: 'Payments status' })
  return { policyId: policy.id as string, pageId: page.id as string }
}

const createRuleRaw = (t: TestApp, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/routing-rules', headers: t.org.auth, payload: payload as object })

forEachDatabase((engine) => {
  describe('routing rules choose the incident', () => {
    it(
      'opens the incident on the chosen page with its crisis type, ' +
        'playbook and severity from a label, and pages the chosen policy once',
      async () => {
        const t = await createTestApp(engine)
        const { policyId, pageId } = await policyAndPage(t)
        const { key } = await createIntegration(t.app, t.org, 'webhook')
        const action = {
          type: 'open_incident',
          page_id: pageId,
          crisis_type: 'security_incident',
          playbook: 'default_pr',
          severity: { from_label: 'tier', map: { gold: 5, silver: 3 }, default: 2 },
          escalation_policy_ids: [policyId],
        }
        const rule = await createRule(t.app, t.org, {
          name: 'payments',
          conditions: [{ field: 'labels.service', op: 'equals', value: 'payments' }],
          actions: [action],
        })
        expect(await getJson(t.app, `/api/routing-rules/${rule.id}`, t.org.auth)).toMatchObject({ actions: [action] })

        const first = await postJson(
          t.app,
          `/api/intake/webhook/${key}`,
          alert('a', { service: 'payments', tier: 'gold' }),
        )
        const incidentId = first.json().alerts[0].incident_id
        const incident = await getJson(t.app, `/api/incidents/${incidentId}`, t.org.auth)
        expect(incident).toMatchObject({
          title: 'Problem a',
          status: 'triage',
          page_id: pageId,
          type: 'security_incident',
          severity: 5,
          impact: 'critical',
          playbook_key: 'default_pr',
        })
        const process = await getJson(t.app, `/api/incidents/${incidentId}/process`, t.org.auth)
        expect(process).toMatchObject({ crisis_type: { key: 'security_incident' }, playbook: { key: 'default_pr' } })

        const pages = await getJson(t.app, '/api/oncall-pages', t.org.auth)
        expect(pages).toMatchObject([{ escalation_policy_id: policyId, incident_id: incidentId, summary: 'Problem a' }])
        const alertA = await getJson(t.app, `/api/alerts/${first.json().alerts[0].alert_id}`, t.org.auth)
        expect(alertA.routing.incident).toMatchObject({
          opened: incidentId,
          severity: 5,
          pages: [{ escalation_policy_id: policyId, status: 'paged', page_id: pages[0].id }],
        })

        // A second alert joins: no second incident, no second page.
        const second = await postJson(t.app, `/api/intake/webhook/${key}`, alert('b', { service: 'payments' }))
        expect(second.json().alerts[0].incident_id).toBe(incidentId)
        expect(await getJson(t.app, '/api/oncall-pages', t.org.auth)).toHaveLength(1)
      },
    )

    it('falls back when the chosen page was deleted after the rule was saved, and says so on the alert', async () => {
      const t = await createTestApp(engine)
      const { pageId } = await policyAndPage(t)
      const { key } = await createIntegration(t.app, t.org, 'webhook')
      await createRule(t.app, t.org, { name: 'all', actions: [{ type: 'open_incident', page_id: pageId }] })
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/pages/${pageId}`, headers: t.org.auth })).statusCode,
      ).toBe(204)
      const sent = await postJson(t.app, `/api/intake/webhook/${key}`, alert('a'))
      expect(sent.statusCode).toBe(202)
      const incident = await getJson(t.app, `/api/incidents/${sent.json().alerts[0].incident_id}`, t.org.auth)
      expect(incident).toMatchObject({ page_id: null, type: 'service_outage', severity: 4, playbook_key: null })
      const stored = await getJson(t.app, `/api/alerts/${sent.json().alerts[0].alert_id}`, t.org.auth)
      expect(stored.routing.incident.fell_back).toEqual(['page_id'])
    })

    it('refuses choices the organisation does not have with a 400 naming each field', async () => {
      const t = await createTestApp(engine)
      const missing = '00000000-0000-4000-8000-000000000000'
      const response = await createRuleRaw(t, {
        name: 'bad',
        actions: [
          {
            type: 'open_incident',
            page_id: missing,
            crisis_type: 'alien_invasion',
            playbook: 'nope',
            severity: { from_label: 'tier', map: { gold: 6 }, default: 0 },
            firing_for: { minutes: 0 },
            escalation_policy_ids: [missing],
          },
        ],
      })
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toContain('application/problem+json')
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'actions.0.severity.map.gold',
        'actions.0.severity.default',
        'actions.0.firing_for.minutes',
        'actions.0.crisis_type',
        'actions.0.playbook',
        'actions.0.page_id',
        'actions.0.escalation_policy_ids.0',
      ])
      const both = await createRuleRaw(t, {
        name: 'two triggers',
        actions: [{ type: 'open_incident', threshold: { minAlerts: 2, windowMinutes: 5 }, firing_for: { minutes: 5 } }],
      })
      expect(both.json().errors).toEqual([
        { path: 'actions.0.firing_for', message: 'choose one trigger: threshold or firing_for, not both' },
      ])
      const shape = await createRuleRaw(t, {
        name: 'shape',
        actions: [{ type: 'open_incident', page_id: 'front-page', severity: 'high', firing_for: { mins: 5 } }],
      })
      expect(shape.statusCode).toBe(400)
      expect(shape.json().errors.map((e: { path: string }) => e.path)).toEqual(
        expect.arrayContaining(['actions.0.page_id', 'actions.0.severity']),
      )
    })

    it("validates the severity against the organisation's scale (1–5), not any small number", async () => {
      const t = await createTestApp(engine)
      for (const [severity, status] of [
        [5, 201],
        [1, 201],
        [6, 400],
        [0, 400],
        [20, 400],
      ] as const) {
        const response = await createRuleRaw(t, {
          name: `s${severity}`,
          actions: [{ type: 'open_incident', severity }],
        })
        expect(response.statusCode, `severity ${severity}`).toBe(status)
      }
    })

    it('changes a rule to the new fields with PATCH, checking them the same way', async () => {
      const t = await createTestApp(engine)
      const { pageId } = await policyAndPage(t)
      const rule = await createRule(t.app, t.org, { name: 'old', actions: [{ type: 'open_incident', severity: 3 }] })
      const patch = (actions: unknown) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/routing-rules/${rule.id}`,
          headers: t.org.auth,
          payload: { actions },
        })
      const bad = await patch([{ type: 'open_incident', crisis_type: 'pr', playbook: 'default_nothing' }])
      expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['actions.0.playbook'])
      const changed = await patch([{ type: 'open_incident', page_id: pageId, firing_for: { minutes: 10 } }])
      expect(changed.statusCode).toBe(200)
      expect(changed.json().actions).toEqual([{ type: 'open_incident', page_id: pageId, firing_for: { minutes: 10 } }])
    })

    it('documents the new fields in the OpenAPI document', async () => {
      const t = await createTestApp(engine)
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json()
      const body = JSON.stringify(doc.paths['/api/routing-rules'].post)
      for (const field of ['page_id', 'crisis_type', 'playbook', 'from_label', 'firing_for', 'escalation_policy_ids'])
        expect(body).toContain(`"${field}"`)
    })
  })
})

import { describe, expect, it } from 'vitest'
import { runProcessTimers } from '../../src/app/process/run-process-timers.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { alertmanagerAlert, alertmanagerGroup, createIntegration, createRule, postJson } from './intake-helpers.js'

const minutes = (n: number) => n * 60_000

type Entry = { type: string; [k: string]: unknown }
const timelineOf = async (t: TestApp, id: string): Promise<Entry[]> =>
  (await t.app.inject({ url: `/api/incidents/${id}/timeline`, headers: t.org.auth })).json().entries

const createPage = async (t: TestApp, slug = 'status') =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/pages',
      headers: t.org.auth,
      payload: { slug, name: 'Acme status' },
    })
  ).json().id as string

const processRows = (t: TestApp, incidentId: string) =>
  t.deps.store.db.selectFrom('incident_processes').selectAll().where('incident_id', '=', incidentId).execute()

forEachDatabase((engine) => {
  describe('every incident is born with its process', () => {
    it(
      'opens an Alertmanager alert’s incident with the alert on its timeline, ' +
        'the only page, and triage timers that fire',
      async () => {
        const t = await createTestApp(engine)
        const pageId = await createPage(t)
        const { key } = await createIntegration(t.app, t.org, 'alertmanager')
        await createRule(t.app, t.org, {
          name: 'checkout',
          conditions: [{ field: 'labels.service', op: 'equals', value: 'checkout' }],
          actions: [{ type: 'open_incident' }],
        })
        const alert = alertmanagerAlert('fp-1', 'firing')
        const response = await postJson(t.app, `/api/intake/alertmanager/${key}`, alertmanagerGroup([alert]))
        expect(response.statusCode).toBe(202)
        const incidentId: string = response.json().alerts[0].incident_id
        const alertId: string = response.json().alerts[0].alert_id

        const incident = (await t.app.inject({ url: `/api/incidents/${incidentId}`, headers: t.org.auth })).json()
        expect(incident).toMatchObject({ status: 'triage', page_id: pageId })
        const entries = await timelineOf(t, incidentId)
        expect(entries.slice(0, 3)).toMatchObject([
          { type: 'incident_opened', source: 'alert' },
          { type: 'alert_attached', alertId, summary: 'Checkout errors on fp-1', source: 'fp-1' },
          { type: 'note', text: expect.stringContaining('Status page "Acme status" chosen') },
        ])
        expect(await processRows(t, incidentId)).toHaveLength(1)

        t.clock.advance(minutes(10))
        await runProcessTimers(t.deps, t.clock.now)
        expect((await timelineOf(t, incidentId)).map((e) => e.type)).toContain('triage_reminder')
        t.clock.advance(minutes(5))
        await runProcessTimers(t.deps, t.clock.now)
        expect((await timelineOf(t, incidentId)).map((e) => e.type)).toContain('triage_escalated')
      },
    )

    it(
      'leaves a rule’s incident without a page when the organisation has several, ' +
        'and puts each joining alert on the timeline',
      async () => {
        const t = await createTestApp(engine)
        await createPage(t, 'one')
        await createPage(t, 'two')
        const { key } = await createIntegration(t.app, t.org, 'alertmanager')
        await createRule(t.app, t.org, {
          name: 'checkout',
          conditions: [{ field: 'labels.service', op: 'equals', value: 'checkout' }],
          actions: [{ type: 'open_incident' }],
        })
        const first = await postJson(
          t.app,
          `/api/intake/alertmanager/${key}`,
          alertmanagerGroup([alertmanagerAlert('fp-1', 'firing')]),
        )
        const incidentId: string = first.json().alerts[0].incident_id
        expect((await t.app.inject({ url: `/api/incidents/${incidentId}`, headers: t.org.auth })).json().page_id).toBe(
          null,
        )
        t.clock.advance(minutes(1))
        await postJson(
          t.app,
          `/api/intake/alertmanager/${key}`,
          alertmanagerGroup([alertmanagerAlert('fp-2', 'firing')]),
        )
        const attached = (await timelineOf(t, incidentId)).filter((e) => e.type === 'alert_attached')
        expect(attached.map((e) => e.summary)).toEqual(['Checkout errors on fp-1', 'Checkout errors on fp-2'])
      },
    )

    it('starts the process of an incident opened through POST /api/incidents, in triage or public', async () => {
      const t = await createTestApp(engine)
      const pageId = await createPage(t)
      const triage = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: { title: 'Slow search', status: 'triage' },
      })
      expect(triage.statusCode).toBe(201)
      const triageId = triage.json().id
      expect(await processRows(t, triageId)).toMatchObject([{ next_timer_at: expect.any(Date) }])
      expect((await timelineOf(t, triageId))[0]).toMatchObject({ type: 'incident_opened', source: 'manual' })

      const open = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: { title: 'API errors', page_id: pageId, body: 'We are investigating.' },
      })
      const openId = open.json().id
      const process = (await t.app.inject({ url: `/api/incidents/${openId}/process`, headers: t.org.auth })).json()
      expect(process).toMatchObject({ status: 'investigating', acknowledged_at: expect.any(String) })
      expect((await timelineOf(t, openId)).map((e) => e.type)).toEqual([
        'incident_opened',
        'status_change',
        'message_published',
      ])
    })

    it(
      'refuses an unknown crisis type on POST /api/incidents ' + 'with a 400 naming the field, storing nothing',
      async () => {
        const t = await createTestApp(engine)
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: t.org.auth,
          payload: { title: 'Odd', status: 'triage', type: 'no_such_type' },
        })
        expect(response.statusCode).toBe(400)
        expect(response.json().errors).toEqual([expect.objectContaining({ path: 'type' })])
        expect((await t.app.inject({ url: '/api/incidents', headers: t.org.auth })).json()).toEqual([])
      },
    )
  })
})

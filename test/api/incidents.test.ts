import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestOrg } from '../support/test-app.js'

async function pageWithComponent(app: FastifyInstance, org: TestOrg) {
  const pageId = (
    await app.inject({
      method: 'POST',
      url: '/api/pages',
      headers: org.auth,
      payload: { slug: `p-${org.id.slice(0, 8)}`, name: 'P' },
    })
  ).json().id
  const componentId = (
    await app.inject({
      method: 'POST',
      url: '/api/components',
      headers: org.auth,
      payload: { page_id: pageId, name: 'API' },
    })
  ).json().id
  return { pageId, componentId }
}

forEachDatabase((engine) => {
  describe('incidents and updates API', () => {
    it('opens a public incident with its first update and marks the component', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId, componentId } = await pageWithComponent(app, org)
      const created = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: org.auth,
        payload: {
          title: 'API errors',
          page_id: pageId,
          severity: 4,
          body: 'We are investigating.',
          body_technical: '5xx from eu-west',
          components: [{ id: componentId, status: 'partial_outage' }],
        },
      })
      expect(created.statusCode).toBe(201)
      const incident = created.json()
      expect(incident).toMatchObject({
        status: 'investigating',
        severity: 4,
        impact: 'major',
        component_ids: [componentId],
      })
      expect(incident.updates).toHaveLength(1)
      expect(incident.updates[0]).toMatchObject({ body: 'We are investigating.', body_technical: '5xx from eu-west' })
      expect(incident.updates[0].affected_components).toEqual([
        { code: componentId, name: 'API', old_status: 'operational', new_status: 'partial_outage' },
      ])
      const component = await app.inject({ url: `/api/components/${componentId}`, headers: org.auth })
      expect(component.json().status).toBe('partial_outage')
    })

    it(
      'walks investigating → identified → monitoring → resolved, ' + 'stamping each time and restoring components',
      async () => {
        const { app, org, clock } = await createTestApp(engine)
        const { pageId, componentId } = await pageWithComponent(app, org)
        const id = (
          await app.inject({
            method: 'POST',
            url: '/api/incidents',
            headers: org.auth,
            payload: {
              title: 'X',
              page_id: pageId,
              body: 'Looking',
              components: [{ id: componentId, status: 'major_outage' }],
            },
          })
        ).json().id
        const post = (status: string) => {
          clock.advance(10 * 60_000)
          return app.inject({
            method: 'POST',
            url: `/api/incidents/${id}/updates`,
            headers: org.auth,
            payload: { status, body: `now ${status}` },
          })
        }
        expect((await post('identified')).statusCode).toBe(201)
        const identifiedAt = clock.now.toISOString()
        expect((await post('monitoring')).statusCode).toBe(201)
        const resolved = await post('resolved')
        expect(resolved.statusCode).toBe(201)
        const incident = resolved.json().incident
        expect(incident.identified_at).toBe(identifiedAt)
        expect(incident.resolved_at).toBe(clock.now.toISOString())
        expect(incident.updates.map((u: { status: string }) => u.status)).toEqual([
          'resolved',
          'monitoring',
          'identified',
          'investigating',
        ])
        expect((await app.inject({ url: `/api/components/${componentId}`, headers: org.auth })).json().status).toBe(
          'operational',
        )
      },
    )

    it('refuses an illegal transition with 409 and names the legal ones, changing nothing', async () => {
      const { app, org } = await createTestApp(engine)
      const id = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: { title: 'Alert', status: 'triage' },
        })
      ).json().id
      const response = await app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/updates`,
        headers: org.auth,
        payload: { status: 'resolved', body: 'done' },
      })
      expect(response.statusCode).toBe(409)
      expect(response.json()).toMatchObject({
        code: 'INVALID_TRANSITION',
        errors: [{ path: 'status', message: expect.stringContaining('/declare or /stand-down') }],
      })
      const declareByUpdate = await app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/updates`,
        headers: org.auth,
        payload: { status: 'declared', body: 'skip the criteria' },
      })
      expect(declareByUpdate.statusCode).toBe(409)
      const resolvedOne = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: { title: 'Old', status: 'resolved', body: 'done' },
        })
      ).json().id
      const closed = await app.inject({
        method: 'POST',
        url: `/api/incidents/${resolvedOne}/updates`,
        headers: org.auth,
        payload: { status: 'closed', body: 'closing' },
      })
      expect(closed.statusCode).toBe(201)
      const afterClose = await app.inject({
        method: 'POST',
        url: `/api/incidents/${resolvedOne}/updates`,
        headers: org.auth,
        payload: { status: 'investigating', body: 'again?' },
      })
      expect(afterClose.statusCode).toBe(409)
      expect(afterClose.json().errors).toEqual([{ path: 'status', message: 'allowed next statuses: none' }])
      const after = (await app.inject({ url: `/api/incidents/${id}`, headers: org.auth })).json()
      expect(after.status).toBe('triage')
      expect(after.updates).toEqual([])
    })

    it('re-opens a resolved incident', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId } = await pageWithComponent(app, org)
      const id = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: { title: 'X', status: 'resolved', body: 'Was broken, fixed.', page_id: pageId },
        })
      ).json().id
      const reopened = await app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/updates`,
        headers: org.auth,
        payload: { status: 'investigating', body: 'It is back.' },
      })
      expect(reopened.json()).toMatchObject({
        reopened: true,
        incident: { status: 'investigating', resolved_at: null },
      })
    })

    it('rolls back the whole update when a component is unknown', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId } = await pageWithComponent(app, org)
      const id = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: { title: 'X', page_id: pageId, body: 'b' },
        })
      ).json().id
      const bad = await app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/updates`,
        headers: org.auth,
        payload: {
          status: 'identified',
          body: 'b2',
          components: [{ id: '00000000-0000-4000-8000-000000000000', status: 'major_outage' }],
        },
      })
      expect(bad.statusCode).toBe(400)
      const after = (await app.inject({ url: `/api/incidents/${id}`, headers: org.auth })).json()
      expect(after.status).toBe('investigating')
      expect(after.updates).toHaveLength(1)
    })

    it('lets only communicators and above publish, responders may open triage', async () => {
      const { app, org } = await createTestApp(engine)
      const responder = await org.tokenFor('responder')
      const publish = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: responder,
        payload: { title: 'X', body: 'public words' },
      })
      expect(publish.statusCode).toBe(403)
      const triage = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: responder,
        payload: { title: 'X', status: 'triage' },
      })
      expect(triage.statusCode).toBe(201)
      const communicator = await org.tokenFor('communicator')
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/incidents',
            headers: communicator,
            payload: { title: 'Y', body: 'public words' },
          })
        ).statusCode,
      ).toBe(201)
    })

    it('edits, lists, filters and deletes', async () => {
      const { app, org } = await createTestApp(engine)
      const created = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: { title: 'Old', body: 'typo hre' },
        })
      ).json()
      await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: org.auth,
        payload: { title: 'Triage one', status: 'triage' },
      })
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/incidents/${created.id}`,
        headers: org.auth,
        payload: { title: 'New', severity: 5 },
      })
      expect(patched.json()).toMatchObject({ title: 'New', severity: 5 })
      const timeline = (await app.inject({ url: `/api/incidents/${created.id}/timeline`, headers: org.auth })).json()
      expect(JSON.stringify(timeline)).toMatch(/severity/i)
      const fixed = await app.inject({
        method: 'PATCH',
        url: `/api/incidents/${created.id}/updates/${created.updates[0].id}`,
        headers: org.auth,
        payload: { body: 'typo here' },
      })
      expect(fixed.json().body).toBe('typo here')
      const triageOnly = await app.inject({ url: '/api/incidents?status=triage', headers: org.auth })
      expect(triageOnly.json().map((i: { title: string }) => i.title)).toEqual(['Triage one'])
      expect((await app.inject({ url: '/api/incidents?status=bogus', headers: org.auth })).statusCode).toBe(400)
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/incidents/${created.id}`, headers: org.auth })).statusCode,
      ).toBe(204)
      expect((await app.inject({ url: `/api/incidents/${created.id}`, headers: org.auth })).statusCode).toBe(404)
    })

    it('schedules a maintenance and moves it forward only', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId, componentId } = await pageWithComponent(app, org)
      const created = await app.inject({
        method: 'POST',
        url: '/api/maintenances',
        headers: org.auth,
        payload: {
          page_id: pageId,
          title: 'DB upgrade',
          body: 'Brief read-only.',
          scheduled_for: '2026-11-28T02:00:00Z',
          scheduled_until: '2026-11-28T04:00:00Z',
          component_ids: [componentId],
        },
      })
      expect(created.statusCode).toBe(201)
      const id = created.json().id
      expect(
        (
          await app.inject({
            method: 'PATCH',
            url: `/api/maintenances/${id}`,
            headers: org.auth,
            payload: { status: 'in_progress' },
          })
        ).json().status,
      ).toBe('in_progress')
      const back = await app.inject({
        method: 'PATCH',
        url: `/api/maintenances/${id}`,
        headers: org.auth,
        payload: { status: 'scheduled' },
      })
      expect(back.statusCode).toBe(409)
      const inverted = await app.inject({
        method: 'POST',
        url: '/api/maintenances',
        headers: org.auth,
        payload: {
          page_id: pageId,
          title: 'X',
          scheduled_for: '2026-11-28T04:00:00Z',
          scheduled_until: '2026-11-28T02:00:00Z',
        },
      })
      expect(inverted.statusCode).toBe(400)
    })
  })
})

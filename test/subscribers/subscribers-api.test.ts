import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { pageWithComponents } from './helpers.js'

forEachDatabase((engine) => {
  describe('subscribers API', () => {
    it(
      'adds an email subscriber pending confirmation, and a ' + 'webhook subscriber with its secret shown once',
      async () => {
        const { app, org } = await createTestApp(engine)
        const { pageId, componentIds } = await pageWithComponents(app, org)
        const email = await app.inject({
          method: 'POST',
          url: `/api/pages/${pageId}/subscribers`,
          headers: org.auth,
          payload: { address: 'Alice@Example.COM', locale: 'de', component_ids: [componentIds[0]] },
        })
        expect(email.statusCode).toBe(201)
        expect(email.json()).toMatchObject({
          channel: 'email',
          address: 'Alice@example.com',
          state: 'pending',
          locale: 'de',
          component_ids: [componentIds[0]],
          source: 'api',
        })
        expect(email.json().confirmation_expires_at).toBe('2026-11-22T09:00:00.000Z')
        const hook = await app.inject({
          method: 'POST',
          url: `/api/pages/${pageId}/subscribers`,
          headers: org.auth,
          payload: { channel: 'webhook', address: 'http://127.0.0.1:9/hook' },
        })
        expect(hook.statusCode).toBe(400)
        expect(hook.json().errors[0].message).toContain('loopback')
        const slack = await app.inject({
          method: 'POST',
          url: `/api/pages/${pageId}/subscribers`,
          headers: org.auth,
          payload: { channel: 'slack', address: 'https://93.184.216.34/services/T/B/x' },
        })
        expect(slack.statusCode).toBe(201)
        expect(slack.json()).toMatchObject({ state: 'active', secret: expect.stringMatching(/^whsec_/) })
        const fetched = await app.inject({ url: `/api/subscribers/${slack.json().id}`, headers: org.auth })
        expect(fetched.json().secret).toBeUndefined()
      },
    )

    it('refuses a duplicate address, a component of another page and an address that is not an email', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId } = await pageWithComponents(app, org)
      const add = (payload: object) =>
        app.inject({ method: 'POST', url: `/api/pages/${pageId}/subscribers`, headers: org.auth, payload })
      expect((await add({ address: 'bob@example.com' })).statusCode).toBe(201)
      expect((await add({ address: 'BOB@example.com' })).statusCode).toBe(409)
      expect((await add({ address: 'not-an-email' })).statusCode).toBe(400)
      expect(
        (await add({ address: 'c@example.com', component_ids: ['00000000-0000-4000-8000-000000000000'] })).statusCode,
      ).toBe(400)
    })

    it('lists newest first with paging, searches by address prefix and filters by state', async () => {
      const { app, org, clock } = await createTestApp(engine)
      const { pageId } = await pageWithComponents(app, org)
      for (const name of ['ann', 'anna', 'bert', 'carl', 'dora']) {
        clock.advance(1_000)
        await app.inject({
          method: 'POST',
          url: `/api/pages/${pageId}/subscribers`,
          headers: org.auth,
          payload: { address: `${name}@example.com`, skip_confirmation: name === 'bert' },
        })
      }
      const first = (await app.inject({ url: `/api/pages/${pageId}/subscribers?limit=2`, headers: org.auth })).json()
      expect(first.subscribers.map((s: { address: string }) => s.address)).toEqual([
        'dora@example.com',
        'carl@example.com',
      ])
      expect(first.total).toBe(5)
      const second = (
        await app.inject({
          url: `/api/pages/${pageId}/subscribers?limit=2&cursor=${first.next_cursor}`,
          headers: org.auth,
        })
      ).json()
      expect(second.subscribers.map((s: { address: string }) => s.address)).toEqual([
        'bert@example.com',
        'anna@example.com',
      ])
      const search = (await app.inject({ url: `/api/pages/${pageId}/subscribers?q=AN`, headers: org.auth })).json()
      expect(search.subscribers.map((s: { address: string }) => s.address).sort()).toEqual([
        'ann@example.com',
        'anna@example.com',
      ])
      const active = (
        await app.inject({ url: `/api/pages/${pageId}/subscribers?state=active`, headers: org.auth })
      ).json()
      expect(active.subscribers.map((s: { address: string }) => s.address)).toEqual(['bert@example.com'])
    })

    it('changes components and locale, unsubscribes, and removes', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId, componentIds } = await pageWithComponents(app, org)
      const id = (
        await app.inject({
          method: 'POST',
          url: `/api/pages/${pageId}/subscribers`,
          headers: org.auth,
          payload: { address: 'x@example.com', skip_confirmation: true },
        })
      ).json().id
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/subscribers/${id}`,
        headers: org.auth,
        payload: { component_ids: componentIds, locale: 'ja', state: 'unsubscribed' },
      })
      expect(patched.json()).toMatchObject({ component_ids: componentIds, locale: 'ja', state: 'unsubscribed' })
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/subscribers/${id}`, headers: org.auth })).statusCode,
      ).toBe(204)
      expect((await app.inject({ url: `/api/subscribers/${id}`, headers: org.auth })).statusCode).toBe(404)
    })

    it('bulk-removes by ids or filter, and never with an empty body', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId } = await pageWithComponents(app, org)
      const ids: string[] = []
      for (const n of [1, 2, 3, 4])
        ids.push(
          (
            await app.inject({
              method: 'POST',
              url: `/api/pages/${pageId}/subscribers`,
              headers: org.auth,
              payload: { address: `u${n}@example.com`, skip_confirmation: n > 2 },
            })
          ).json().id,
        )
      const url = `/api/pages/${pageId}/subscribers/bulk-delete`
      expect((await app.inject({ method: 'POST', url, headers: org.auth, payload: {} })).statusCode).toBe(400)
      expect((await app.inject({ method: 'POST', url, headers: org.auth, payload: { ids: [ids[0]] } })).json()).toEqual(
        { removed: 1 },
      )
      expect(
        (await app.inject({ method: 'POST', url, headers: org.auth, payload: { state: 'active' } })).json(),
      ).toEqual({ removed: 2 })
      expect((await app.inject({ method: 'POST', url, headers: org.auth, payload: { all: true } })).json()).toEqual({
        removed: 1,
      })
    })

    it('imports CSV, reporting bad lines, and exports a CSV that imports back the same', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId } = await pageWithComponents(app, org)
      const csv =
        'Email,Language,Components,Confirmed\nalice@example.com,de,API,yes\n' +
        'bob@example.com,,,\nnot-an-email,,,\ncarol@example.com,,Nope,yes\n'
      const imported = await app.inject({
        method: 'POST',
        url: `/api/pages/${pageId}/subscribers/import`,
        headers: { ...org.auth, 'content-type': 'text/csv' },
        payload: csv,
      })
      expect(imported.statusCode).toBe(200)
      expect(imported.json()).toMatchObject({ rows: 4, created: 2, existing: 0, problem_count: 2 })
      expect(imported.json().problems.map((p: { line: number }) => p.line)).toEqual([4, 5])
      const again = await app.inject({
        method: 'POST',
        url: `/api/pages/${pageId}/subscribers/import`,
        headers: { ...org.auth, 'content-type': 'text/csv' },
        payload: csv,
      })
      expect(again.json()).toMatchObject({ created: 0, existing: 2 })
      const exported = await app.inject({ url: `/api/pages/${pageId}/subscribers/export`, headers: org.auth })
      expect(exported.headers['content-type']).toContain('text/csv')
      const lines = exported.body.trim().split('\r\n')
      expect(lines[0]).toBe('channel,address,locale,components,confirmed,state,created_at')
      expect(
        lines
          .slice(1)
          .map((l) => l.split(',').slice(0, 6).join(','))
          .sort(),
      ).toEqual(['email,alice@example.com,de,API,true,active', 'email,bob@example.com,,,false,pending'])
      const other = await pageWithComponents(app, org, ['API'])
      const roundTrip = await app.inject({
        method: 'POST',
        url: `/api/pages/${other.pageId}/subscribers/import`,
        headers: { ...org.auth, 'content-type': 'text/csv' },
        payload: exported.body,
      })
      expect(roundTrip.json()).toMatchObject({ created: 2, problem_count: 0 })
    })

    it('keeps subscribers (personal data) from viewers and responders, and from other organisations', async () => {
      const { app, org, createOrg } = await createTestApp(engine)
      const { pageId } = await pageWithComponents(app, org)
      const id = (
        await app.inject({
          method: 'POST',
          url: `/api/pages/${pageId}/subscribers`,
          headers: org.auth,
          payload: { address: 'x@example.com' },
        })
      ).json().id
      for (const role of ['viewer', 'responder'] as const) {
        expect(
          (await app.inject({ url: `/api/pages/${pageId}/subscribers`, headers: await org.tokenFor(role) })).statusCode,
        ).toBe(403)
      }
      expect(
        (await app.inject({ url: `/api/pages/${pageId}/subscribers`, headers: await org.tokenFor('communicator') }))
          .statusCode,
      ).toBe(200)
      const stranger = await createOrg()
      expect((await app.inject({ url: `/api/subscribers/${id}`, headers: stranger.auth })).statusCode).toBe(404)
      expect((await app.inject({ url: `/api/pages/${pageId}/subscribers`, headers: stranger.auth })).statusCode).toBe(
        404,
      )
    })
  })
})

import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import type { TestApp } from '../support/test-app.js'
import { createIntegration, postJson } from '../intake/intake-helpers.js'
import { criteria, processApp } from './process-api.js'

/** Reads a server-sent-event stream until `until` holds for what arrived; then closes it. */
async function readStream(t: TestApp, path: string, act: () => Promise<unknown>, until: (text: string) => boolean) {
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = t.app.server.address() as AddressInfo
  const abort = new AbortController()
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: t.org.auth, signal: abort.signal })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = decoder.decode((await reader.read()).value) // the retry hint: the stream is open
  await act()
  while (!until(text)) {
    const chunk = await reader.read()
    if (chunk.done) break
    text += decoder.decode(chunk.value)
  }
  abort.abort()
  return text
}

const changes = (text: string) =>
  [...text.matchAll(/event: changed\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>)

forEachDatabase((engine) => {
  describe('one way to publish: never to nobody', () => {
    it(
      'refuses a public message on an incident with no status page (422), ' + 'then publishes once the page is set',
      async () => {
        const t = await processApp(engine, { withPage: false })
        for (const criterion_id of criteria) await t.call('criteria', { criterion_id, is_met: true })
        expect((await t.call('declare')).statusCode).toBe(200)
        const refused = await t.call('messages', {
          stage: 'acknowledgement',
          text: 'We are investigating',
          channels: ['status_page', 'email'],
        })
        expect(refused.statusCode).toBe(422)
        expect(refused.json()).toMatchObject({
          code: 'NO_RECIPIENTS',
          errors: [expect.objectContaining({ path: 'page_id' }), expect.objectContaining({ path: 'channels' })],
        })
        expect((await t.process()).acknowledged_at).toBeNull()
        const old = await t.app.inject({
          method: 'POST',
          url: `/api/incidents/${t.id}/updates`,
          headers: t.org.auth,
          payload: { status: 'investigating', body: 'We are investigating' },
        })
        expect(old.statusCode).toBe(422)
        expect(old.json().code).toBe('NO_RECIPIENTS')

        const unknownPage = await t.app.inject({
          method: 'PATCH',
          url: `/api/incidents/${t.id}`,
          headers: t.org.auth,
          payload: { page_id: '00000000-0000-4000-8000-000000000000' },
        })
        expect(unknownPage.statusCode).toBe(400)
        const page = await t.app.inject({
          method: 'POST',
          url: '/api/pages',
          headers: t.org.auth,
          payload: { slug: 'status', name: 'Status' },
        })
        const patched = await t.app.inject({
          method: 'PATCH',
          url: `/api/incidents/${t.id}`,
          headers: t.org.auth,
          payload: { page_id: page.json().id },
        })
        expect(patched.json().page_id).toBe(page.json().id)
        const published = await t.call('messages', {
          stage: 'acknowledgement',
          text: 'We are investigating',
          channels: ['status_page'],
        })
        expect(published.statusCode).toBe(201)
      },
    )

    it('still lets a drill publish with no page: its messages go to the team', async () => {
      const t = await processApp(engine, { withPage: false, isDrill: true })
      for (const criterion_id of criteria) await t.call('criteria', { criterion_id, is_met: true })
      await t.call('declare')
      const drill = await t.call('messages', { stage: 'acknowledgement', text: 'Drill', channels: ['status_page'] })
      expect(drill.statusCode).toBe(201)
    })
  })

  describe('live updates for the console', () => {
    it('tells an incident’s stream that it changed when the crisis is declared', async () => {
      const t = await processApp(engine)
      for (const criterion_id of criteria) await t.call('criteria', { criterion_id, is_met: true })
      const text = await readStream(
        t,
        `/api/incidents/${t.id}/events`,
        () => t.call('declare'),
        (s) => s.includes('event: changed'),
      )
      expect(changes(text)[0]).toEqual({ incident_id: t.id, kind: 'process' })
      await expect.poll(() => t.deps.consoleEvents.hub.count()).toBe(0)
    })

    it('tells the organisation’s stream of received alerts and opened incidents', async () => {
      const t = await processApp(engine)
      const { key } = await createIntegration(t.app, t.org, 'webhook')
      const text = await readStream(
        t,
        '/api/events',
        async () => {
          await postJson(t.app, `/api/intake/webhook/${key}`, { summary: 'Disk full', dedup_key: 'd1' })
          await t.app.inject({
            method: 'POST',
            url: '/api/process/incidents',
            headers: t.org.auth,
            payload: { title: 'Disk full' },
          })
        },
        (s) => changes(s).some((c) => c.kind === 'opened'),
      )
      expect(changes(text)).toEqual([
        { incident_id: null, kind: 'alert_received', alert_ids: [expect.any(String)] },
        { incident_id: expect.any(String), kind: 'opened' },
      ])
    })

    it('answers 404 for another organisation’s incident and 401 without credentials', async () => {
      const t = await processApp(engine)
      const other = await t.createOrg()
      const foreign = await t.app.inject({ url: `/api/incidents/${t.id}/events`, headers: other.auth })
      expect(foreign.statusCode).toBe(404)
      expect((await t.app.inject({ url: '/api/events' })).statusCode).toBe(401)
    })
  })
})

import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { loadReadmeVerifier } from '../support/readme-verifier.js'
import { startHttpReceiver, type HttpReceiverOptions } from '../support/http-receiver.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { pageWithComponents, startTestDelivery, waitFor } from './helpers.js'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

async function sinkAndReceiver(respond?: HttpReceiverOptions['respond']) {
  const sink = await startSmtpSink({ keepRaw: true })
  const receiver = await startHttpReceiver(respond ? { respond } : {})
  cleanup.push(
    () => sink.close(),
    () => receiver.close(),
  )
  return { sink, receiver }
}

forEachDatabase((engine) => {
  describe('delivery of updates to subscribers', () => {
    it('mails the confirmation, and after confirming mails each update with one-click unsubscribe', async () => {
      const { app, org, deps } = await createTestApp(engine, { env: { WEBHOOK_ALLOWLIST: '127.0.0.1' } })
      const { sink } = await sinkAndReceiver()
      const { pageId, slug, componentIds } = await pageWithComponents(app, org)
      const service = await startTestDelivery(deps, { smtpUrl: sink.url })
      cleanup.push(() => service.stop())
      await app.inject({
        method: 'POST',
        url: `/p/${slug}/subscribe`,
        payload: { email: 'reader@example.com', locale: 'de' },
      })
      const confirmation = await waitFor(() => sink.messages.find((m) => m.to.includes('reader@example.com')))
      const confirmMail = await simpleParser(confirmation.raw ?? '')
      expect(confirmMail.subject).toBe('Bestätigen Sie Ihr Abonnement der Statusmeldungen von Acme Cloud')
      const confirmUrl = new URL(
        /http:\/\/status\.test\/subscriptions\/\S+\/confirm\?token=\S+/.exec(confirmMail.text ?? '')![0],
      )
      const confirmPath = `${confirmUrl.pathname}${confirmUrl.search}`
      expect((await app.inject({ url: confirmPath })).body).toContain('Abonnement bestätigen')
      expect((await app.inject({ method: 'POST', url: confirmPath })).body).toContain('Abonnement bestätigt')

      const incident = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: org.auth,
        payload: {
          title: 'API errors',
          page_id: pageId,
          body: 'Some API calls fail.',
          components: [{ id: componentIds[0], status: 'partial_outage' }],
        },
      })
      const updateId = incident.json().updates[0].id
      const update = await waitFor(() =>
        sink.messages.find((m) => m.to.includes('reader@example.com') && /Wir untersuchen/.test(m.raw ?? '')),
      )
      const mail = await simpleParser(update.raw ?? '')
      expect(mail.subject).toBe('Acme Cloud: Wir untersuchen ein Problem mit API')
      expect(mail.text).toContain('Some API calls fail.')
      expect(mail.html).toContain('Some API calls fail.')
      expect(mail.headers.get('candor-idempotency-key')).toMatch(/^[0-9a-f]{32}$/)
      const unsubscribe = /^List-Unsubscribe:\s+<([^>]+)>/m.exec(update.raw ?? '')![1]!
      expect(update.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
      const status = await waitFor(async () => {
        const body = (
          await app.inject({
            url: `/api/incidents/${incident.json().id}/updates/${updateId}/deliveries`,
            headers: org.auth,
          })
        ).json()
        return body.counts.sent === 1 && body
      })
      expect(status).toMatchObject({
        counts: { sent: 1, pending: 0, failed: 0, total: 1 },
        is_done: true,
        recipients: [{ address: 'reader@example.com', status: 'sent', attempts: 1 }],
      })
      const oneClick = new URL(unsubscribe)
      await app.inject({
        method: 'POST',
        url: `${oneClick.pathname}${oneClick.search}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      })
      await app.inject({
        method: 'POST',
        url: `/api/incidents/${incident.json().id}/updates`,
        headers: org.auth,
        payload: { status: 'identified', body: 'Found it.' },
      })
      // The worker says when nothing due is left: only then does "nothing more was sent" mean anything.
      await service.worker.drained()
      expect(sink.messages.filter((m) => m.to.includes('reader@example.com'))).toHaveLength(2)
    })

    it('signs webhooks (verified with the README snippet), posts Slack text, and targets by component', async () => {
      const { app, org, deps } = await createTestApp(engine, { env: { WEBHOOK_ALLOWLIST: '127.0.0.1' } })
      const { receiver } = await sinkAndReceiver()
      const { pageId, componentIds } = await pageWithComponents(app, org)
      const service = await startTestDelivery(deps)
      cleanup.push(() => service.stop())
      const add = (payload: object) =>
        app
          .inject({ method: 'POST', url: `/api/pages/${pageId}/subscribers`, headers: org.auth, payload })
          .then((r) => r.json())
      const hook = await add({ channel: 'webhook', address: `${receiver.url}/hook`, audience: 'technical' })
      await add({ channel: 'slack', address: `${receiver.url}/slack` })
      await add({ channel: 'webhook', address: `${receiver.url}/dashboard-only`, component_ids: [componentIds[1]] })
      const incident = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: {
            title: 'API down',
            page_id: pageId,
            body: 'API is down.',
            body_technical: 'eu-west LB 502s',
            components: [{ id: componentIds[0], status: 'major_outage' }],
          },
        })
      ).json()
      await waitFor(() => receiver.requests.length >= 2 && receiver.requests)
      // The worker says when nothing due is left: only then does "nothing more was sent" mean anything.
      await service.worker.drained()
      expect(receiver.requests.map((r) => r.path).sort()).toEqual(['/hook', '/slack'])
      const posted = receiver.requests.find((r) => r.path === '/hook')!
      const verify = await loadReadmeVerifier()
      expect(verify(posted.body, String(posted.headers['candor-signature']), hook.secret)).toBe(true)
      const event = JSON.parse(posted.body)
      expect(event).toMatchObject({
        id: posted.headers['candor-idempotency-key'],
        type: 'incident.update',
        incident: { id: incident.id, name: 'API down', status: 'investigating' },
        update: {
          id: incident.updates[0].id,
          status: 'investigating',
          affected_components: [{ id: componentIds[0], name: 'API', new_status: 'major_outage' }],
        },
        message: { stage: 'acknowledge', locale: 'en' },
      })
      expect(event.message.text).toContain('eu-west LB 502s')
      const slack = JSON.parse(receiver.requests.find((r) => r.path === '/slack')!.body)
      expect(slack.text).toContain('API is down.')
      expect(slack.text).not.toContain('eu-west')
    })

    it('retries a failing webhook with backoff, shows the retries, then delivers once', async () => {
      let calls = 0
      const { app, org, deps, clock } = await createTestApp(engine, { env: { WEBHOOK_ALLOWLIST: '127.0.0.1' } })
      const { receiver } = await sinkAndReceiver(() => (++calls <= 2 ? { status: 503, body: 'busy' } : { status: 200 }))
      const { pageId } = await pageWithComponents(app, org)
      const service = await startTestDelivery(deps)
      cleanup.push(() => service.stop())
      await app.inject({
        method: 'POST',
        url: `/api/pages/${pageId}/subscribers`,
        headers: org.auth,
        payload: { channel: 'webhook', address: `${receiver.url}/flaky` },
      })
      const incident = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: { title: 'Slow', page_id: pageId, body: 'Slow pages.' },
        })
      ).json()
      const url = `/api/incidents/${incident.id}/updates/${incident.updates[0].id}/deliveries`
      const retrying = await waitFor(async () => {
        const body = (await app.inject({ url, headers: org.auth })).json()
        return body.counts.retrying === 1 && body
      })
      expect(retrying.recipients[0]).toMatchObject({ status: 'retrying', attempts: 1, last_error: 'HTTP 503: busy' })
      const sent = await waitFor(
        async () => {
          const body = (await app.inject({ url, headers: org.auth })).json()
          return body.counts.sent === 1 && body
        },
        { tick: () => clock.advance(1_000) },
      )
      expect(sent.recipients[0]).toMatchObject({ status: 'sent', attempts: 3, last_error: 'HTTP 503: busy' })
      // The worker says when nothing due is left: only then does "nothing more was sent" mean anything.
      await service.worker.drained()
      expect(receiver.requests.filter((r) => r.status === 200)).toHaveLength(1)
    })

    it('fails a delivery visibly after the last attempt, and disables an endpoint that is gone', async () => {
      const { app, org, deps, clock } = await createTestApp(engine, { env: { WEBHOOK_ALLOWLIST: '127.0.0.1' } })
      const { receiver } = await sinkAndReceiver((req) =>
        req.path === '/gone' ? { status: 410 } : { status: 500, body: 'boom' },
      )
      const { pageId } = await pageWithComponents(app, org)
      const service = await startTestDelivery(deps)
      cleanup.push(() => service.stop())
      const add = (path: string) =>
        app
          .inject({
            method: 'POST',
            url: `/api/pages/${pageId}/subscribers`,
            headers: org.auth,
            payload: { channel: 'webhook', address: `${receiver.url}${path}` },
          })
          .then((r) => r.json().id)
      const broken = await add('/broken')
      const gone = await add('/gone')
      const incident = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: { title: 'X', page_id: pageId, body: 'X.' },
        })
      ).json()
      const url = `/api/incidents/${incident.id}/updates/${incident.updates[0].id}/deliveries`
      const done = await waitFor(
        async () => {
          const body = (await app.inject({ url, headers: org.auth })).json()
          return body.is_done && body
        },
        { tick: () => clock.advance(2_000) },
      )
      expect(done.counts).toMatchObject({ failed: 2, sent: 0 })
      const byId = Object.fromEntries(done.recipients.map((r: { subscriber_id: string }) => [r.subscriber_id, r]))
      expect(byId[broken]).toMatchObject({
        status: 'failed',
        attempts: 4,
        last_error: 'HTTP 500: boom',
        subscriber_state: 'active',
      })
      expect(byId[gone]).toMatchObject({
        status: 'failed',
        attempts: 1,
        subscriber_state: 'disabled',
        disabled_reason: 'the address no longer exists (HTTP 410)',
      })
      const disabled = (
        await app.inject({ url: `/api/pages/${pageId}/subscribers?state=disabled`, headers: org.auth })
      ).json()
      expect(disabled.subscribers.map((s: { id: string }) => s.id)).toEqual([gone])
    })

    it('sends nothing for a drill, a private triage, or an update marked not to notify', async () => {
      const { app, org, deps } = await createTestApp(engine, { env: { WEBHOOK_ALLOWLIST: '127.0.0.1' } })
      const { receiver } = await sinkAndReceiver()
      const { pageId } = await pageWithComponents(app, org)
      const service = await startTestDelivery(deps)
      cleanup.push(() => service.stop())
      await app.inject({
        method: 'POST',
        url: `/api/pages/${pageId}/subscribers`,
        headers: org.auth,
        payload: { channel: 'webhook', address: `${receiver.url}/quiet` },
      })
      const triage = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: org.auth,
        payload: { title: 'Maybe', page_id: pageId, status: 'triage' },
      })
      expect(triage.statusCode).toBe(201)
      const drill = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: org.auth,
        payload: { title: 'Drill', page_id: pageId, body: 'Practice.', is_drill: true },
      })
      expect(drill.statusCode).toBe(201)
      const quiet = (
        await app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: org.auth,
          payload: { title: 'Quiet', page_id: pageId, body: 'Minor.' },
        })
      ).json()
      await app.inject({
        method: 'POST',
        url: `/api/incidents/${quiet.id}/updates`,
        headers: org.auth,
        payload: { status: 'identified', body: 'Fixed soon.', deliver_notifications: false },
      })
      // The worker says when nothing due is left: only then does "nothing more was sent" mean anything.
      await service.worker.drained()
      expect(receiver.requests).toHaveLength(1)
    })
  })
})

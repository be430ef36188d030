import { afterEach, describe, expect, it } from 'vitest'
import { verifySignature } from '../../src/delivery/channels/webhook-signature.js'
import { startHttpReceiver, type HttpReceiver } from '../../src/delivery/testing/http-receiver.js'
import { startSmtpSink, type SmtpSink } from '../../src/delivery/testing/smtp-sink.js'
import { startTestPipeline } from '../support/pipeline.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function setup(engine: 'pglite' | 'postgres', receiverStatus = () => 200) {
  const receiver: HttpReceiver = await startHttpReceiver({ respond: () => ({ status: receiverStatus() }) })
  const sink: SmtpSink = await startSmtpSink()
  const env = { SMTP_URL: `${sink.url}?ignoreTLS=true`, WEBHOOK_ALLOWLIST: '127.0.0.1' }
  const t = await createTestApp(engine, { env })
  const pipeline = await startTestPipeline(t.deps, { smtpUrl: env.SMTP_URL })
  const sender = { runOnce: () => pipeline.worker.drained() }
  closers.push(
    () => receiver.close(),
    () => sink.close(),
  )
  const call = (method: 'PATCH' | 'PUT' | 'POST', url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method, url, headers: t.org.auth, payload })
  await call('PATCH', '/api/process/settings', { freeze_webhook_url: `${receiver.url}/hooks/freeze` })
  await call('PUT', '/api/process/stakeholder-groups/management', { name: 'Management', emails: ['cto@acme.test'] })
  const opened = await call('POST', '/api/process/incidents', { title: 'Checkout is down', severity: 5 })
  const id = opened.json().incident_id as string
  return { t, receiver, sink, sender, call, id }
}

forEachDatabase((engine) => {
  describe('process notices leave through the delivery channels', () => {
    it('fires a signed freeze webhook and mails the stakeholder group when a severe incident is declared', async () => {
      const { t, receiver, sink, sender, call, id } = await setup(engine)
      expect(
        (await call('POST', `/api/incidents/${id}/declare`, { override_reason: 'clearly a crisis' })).statusCode,
      ).toBeLessThan(300)
      await sender.runOnce()
      const hook = receiver.requests.find((r) => r.path === '/hooks/freeze')
      expect(hook).toBeDefined()
      expect(JSON.parse(hook!.body)).toMatchObject({ event: 'marketing.freeze', frozen: true })
      const secret = (await t.app.inject({ url: '/api/process/config', headers: t.org.auth })).json()
        .freeze_webhook_secret
      const verified = verifySignature(
        secret,
        hook!.body,
        hook!.headers['candor-signature'] as string,
        Math.floor(Date.now() / 1000),
      )
      expect(verified).toMatchObject({ ok: true })
      expect(sink.messages.some((m) => m.to.includes('cto@acme.test'))).toBe(true)
      const { messages } = (await t.app.inject({ url: `/api/messages?incident_id=${id}`, headers: t.org.auth })).json()
      type Shown = { kind: string; status: string; last_error: string | null }
      const shown = (messages as Shown[]).filter((m) => m.status !== 'failed')
      expect(shown.map((m) => `${m.kind} ${m.status}`).sort()).toEqual([
        'freeze_webhook sent',
        'stakeholder_notice sent',
      ])
      // Groups the policy names but nobody set up are visible failures, not silent gaps.
      for (const m of (messages as Shown[]).filter((m) => m.status === 'failed'))
        expect(m.last_error).toMatch(/^the stakeholder group "\w+" has no email address or webhook set$/)
      const mail = sink.messages.find((m) => m.to.includes('cto@acme.test'))!
      expect(mail.headers).toMatch(/Subject: Incident declared: Checkout is down/)
    })

    it('tells the incident’s live stream when its messages are sent', async () => {
      const { t, sender, call, id } = await setup(engine)
      const kinds: string[] = []
      t.deps.events.on('incident.changed', (e) => e.incidentId === id && kinds.push(e.kind ?? ''))
      await call('POST', `/api/incidents/${id}/declare`, { override_reason: 'clearly a crisis' })
      await sender.runOnce()
      expect(kinds[0]).toBe('process')
      expect(kinds).toContain('delivery')
    })

    it('retries a failing receiver with backoff and then delivers, leaving the error visible meanwhile', async () => {
      let failing = true
      const { t, receiver, sender, call, id } = await setup(engine, () => (failing ? 503 : 200))
      await call('POST', `/api/incidents/${id}/declare`, { override_reason: 'crisis' })
      await sender.runOnce()
      const pending = await t.deps.store.db
        .selectFrom('deliveries')
        .selectAll()
        .where('kind', '=', 'freeze_webhook')
        .executeTakeFirstOrThrow()
      expect(pending).toMatchObject({ status: 'retrying', attempts: 1 })
      expect(pending.last_error).toMatch(/503/)
      expect(pending.next_attempt_at.getTime()).toBeGreaterThan(t.clock.now.getTime())
      const [shown] = (await t.app.inject({ url: '/api/messages?kind=freeze_webhook', headers: t.org.auth })).json()
        .messages
      expect(shown).toMatchObject({ status: 'retrying', attempts: 1, last_error: 'HTTP 503' })
      failing = false
      t.clock.advance(2 * 60 * 60_000)
      await sender.runOnce()
      const sent = await t.deps.store.db
        .selectFrom('deliveries')
        .selectAll()
        .where('id', '=', pending.id)
        .executeTakeFirstOrThrow()
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: 'HTTP 503' })
      expect(receiver.requests.filter((r) => r.path === '/hooks/freeze').map((r) => r.status)).toEqual([503, 200])
    })
  })
})

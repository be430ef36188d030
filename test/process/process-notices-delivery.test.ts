import { afterEach, describe, expect, it } from 'vitest'
import { verifySignature } from '../../src/delivery/channels/webhook-signature.js'
import { createProcessOutboxSender } from '../../src/delivery/process-outbox-sender.js'
import { startHttpReceiver, type HttpReceiver } from '../../src/delivery/testing/http-receiver.js'
import { startSmtpSink, type SmtpSink } from '../../src/delivery/testing/smtp-sink.js'
import { loadConfig } from '../../src/config.js'
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
  const config = loadConfig({ BASE_URL: 'http://status.test', ...env }, '/nonexistent')
  const sender = createProcessOutboxSender(t.deps, config)
  closers.push(
    () => sender.stop(),
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
      const outbox = (await t.app.inject({ url: '/api/process/outbox', headers: t.org.auth })).json()
      const rows = Array.isArray(outbox) ? outbox : (outbox.items ?? outbox.rows ?? [])
      expect(rows.filter((r: { status: string }) => r.status === 'pending')).toEqual([])
    })

    it('retries a failing receiver with backoff and then delivers, leaving the error visible meanwhile', async () => {
      let failing = true
      const { t, receiver, sender, call, id } = await setup(engine, () => (failing ? 503 : 200))
      await call('POST', `/api/incidents/${id}/declare`, { override_reason: 'crisis' })
      await sender.runOnce()
      const pending = await t.deps.store.db
        .selectFrom('process_outbox')
        .selectAll()
        .where('kind', '=', 'freeze_webhook')
        .executeTakeFirstOrThrow()
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 })
      expect(pending.last_error).toMatch(/503/)
      expect(pending.due_at.getTime()).toBeGreaterThan(t.clock.now.getTime())
      failing = false
      t.clock.advance(2 * 60 * 60_000)
      await sender.runOnce()
      const sent = await t.deps.store.db
        .selectFrom('process_outbox')
        .selectAll()
        .where('id', '=', pending.id)
        .executeTakeFirstOrThrow()
      expect(sent).toMatchObject({ status: 'sent', attempts: 2 })
      expect(receiver.requests.filter((r) => r.path === '/hooks/freeze').map((r) => r.status)).toEqual([503, 200])
    })
  })
})

import fc from 'fast-check'
import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { pageWithComponents, startTestDelivery, waitFor } from '../subscribers/helpers.js'
import { forEachDatabase } from '../support/databases.js'
import { startHttpReceiver } from '../support/http-receiver.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

const ackEmail = '/api/templates/acknowledge/email/customer/en'

async function declare(t: TestApp, pageId: string) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers: t.org.auth,
    payload: {
      title: 'Card payments fail',
      page_id: pageId,
      body: 'Some cards are declined.',
      who_is_affected: 'customers in the EU',
      third_party_provider: 'Stripe',
    },
  })
  expect(created.statusCode).toBe(201)
  return created.json().id as string
}

forEachDatabase((engine) => {
  describe("the organisation's own templates", () => {
    it('sends own templates and the sign-off by real email and webhook, audited; reset brings ours back', async () => {
      const t = await createTestApp(engine, { env: { WEBHOOK_ALLOWLIST: '127.0.0.1' } })
      const sink = await startSmtpSink({ keepRaw: true })
      const receiver = await startHttpReceiver()
      cleanup.push(
        () => sink.close(),
        () => receiver.close(),
      )
      const { pageId } = await pageWithComponents(t.app, t.org)
      const service = await startTestDelivery(t.deps, { smtpUrl: sink.url })
      cleanup.push(() => service.stop())
      await t.app.inject({
        method: 'POST',
        url: `/api/pages/${pageId}/subscribers`,
        headers: t.org.auth,
        payload: { address: 'reader@example.com', skip_confirmation: true },
      })
      await t.app.inject({
        method: 'POST',
        url: `/api/pages/${pageId}/subscribers`,
        headers: t.org.auth,
        payload: { channel: 'webhook', address: `${receiver.url}/hook` },
      })
      const hookTemplate = await t.app.inject({
        method: 'PUT',
        url: '/api/templates/acknowledge/webhook/customer/en',
        headers: t.org.auth,
        payload: { short: 'Acme: {{ affected }} has trouble. {{ status_url }}' },
      })
      expect(hookTemplate.statusCode).toBe(200)
      const saved = await t.app.inject({
        method: 'PUT',
        url: ackEmail,
        headers: t.org.auth,
        payload: {
          subject: 'Acme heads-up: {{ affected }}',
          body: 'Heads-up from Acme about {{ affected }}.\n\n{{ message }}',
        },
      })
      expect(saved.statusCode).toBe(200)
      expect(saved.json()).toMatchObject({ overridden: true, overridden_fields: ['subject', 'body'] })
      const voice = await t.app.inject({
        method: 'PUT',
        url: '/api/brand-voice',
        headers: t.org.auth,
        payload: { sign_off: '— The Acme team' },
      })
      expect(voice.statusCode).toBe(200)

      await declare(t, pageId)
      const mail = await simpleParser((await waitFor(() => sink.messages[0]))!.raw ?? '')
      expect(mail.subject).toBe('Acme heads-up: some of our services')
      expect(mail.text).toContain(
        'Heads-up from Acme about some of our services.\n\nSome cards are declined.\n\n— The Acme team',
      )
      expect(mail.text).not.toContain("We're investigating the issue")
      const hook = JSON.parse((await waitFor(() => receiver.requests[0]))!.body)
      expect(hook.message.short).toMatch(/^Acme: some of our services has trouble\. http/)
      // Only the short text is the organisation's own here: the body is ours, closed by the sign-off.
      expect(hook.message.text).toContain("We're investigating the issue")
      expect(hook.message.text.endsWith('— The Acme team')).toBe(true)

      const listed = (await t.app.inject({ url: '/api/templates?overridden=true', headers: t.org.auth })).json()
      expect(listed.templates.map((l: { channel: string }) => l.channel)).toEqual(['email', 'webhook'])
      const { entries } = (await t.app.inject({ url: '/api/audit?object_type=templates', headers: t.org.auth })).json()
      expect(entries.map((e: { action: string }) => e.action)).toContain(
        'PUT /api/templates/:stage/:channel/:audience/:locale',
      )

      expect((await t.app.inject({ method: 'DELETE', url: ackEmail, headers: t.org.auth })).statusCode).toBe(204)
      const after = (await t.app.inject({ url: ackEmail, headers: t.org.auth })).json()
      expect(after).toMatchObject({ overridden: false, overridden_fields: [] })
      expect(after.body).toBe(after.built_in.body)
      expect((await t.app.inject({ method: 'DELETE', url: ackEmail, headers: t.org.auth })).statusCode).toBe(404)
    })

    it('refuses a template that does not parse or render, naming the field, line and reason', async () => {
      const t = await createTestApp(engine)
      const put = (url: string, payload: unknown, headers = t.org.auth) =>
        t.app.inject({ method: 'PUT', url, headers, payload: payload as object })
      const unclosed = await put(ackEmail, { body: 'Hello\n\n{% if who_known %}\nAffects {{ who }}' })
      expect(unclosed.statusCode).toBe(400)
      expect(unclosed.headers['content-type']).toContain('application/problem+json')
      expect(unclosed.json()).toMatchObject({
        title: 'The template does not render: body, line 3: tag {% if who_known %} not closed',
        errors: [{ path: 'body', line: 3, column: 1, message: 'tag {% if who_known %} not closed' }],
      })
      const typo = await put(ackEmail, { short: 'Down: {{ afected }}' })
      expect(typo.json().errors).toEqual([
        { path: 'short', line: 1, column: 10, message: 'undefined variable: afected' },
      ])

      expect((await put(ackEmail, {})).statusCode).toBe(400)
      expect((await put(ackEmail, { body: 42 })).statusCode).toBe(400)
      expect((await put(ackEmail, { body: 'x', extra: 1 })).statusCode).toBe(400)
      expect((await put('/api/templates/stand_down/email/customer/en', { body: 'x' })).statusCode).toBe(404)
      expect((await put('/api/templates/nope/email/customer/en', { body: 'x' })).statusCode).toBe(404)
      expect((await put('/api/templates/update/email/customer/xx', { body: 'x' })).statusCode).toBe(404)
      expect((await put(ackEmail, { body: 'x' }, await t.org.tokenFor('viewer'))).statusCode).toBe(403)
      const broken = await t.app.inject({
        method: 'PUT',
        url: ackEmail,
        headers: { ...t.org.auth, 'content-type': 'application/json' },
        payload: '{"body": ',
      })
      expect(broken.statusCode).toBe(400)
      expect((await t.app.inject({ url: ackEmail, headers: t.org.auth })).json().overridden).toBe(false)
    })

    it("previews every channel side by side with an incident's facts, or sample ones", async () => {
      const t = await createTestApp(engine)
      const { pageId } = await pageWithComponents(t.app, t.org)
      const id = await declare(t, pageId)
      const preview = (payload: object) =>
        t.app.inject({ method: 'POST', url: '/api/templates/preview', headers: t.org.auth, payload })
      const shown = await preview({
        stage: 'update',
        incident_id: id,
        draft: { channel: 'slack', body: 'Slack says: {{ who }}' },
      })
      expect(shown.statusCode).toBe(200)
      const { facts, messages } = shown.json()
      expect(facts).toBe('incident')
      expect(messages.map((m: { channel: string }) => m.channel)).toEqual(['email', 'webhook', 'slack', 'status_page'])
      const by = (channel: string) => messages.find((m: { channel: string }) => m.channel === channel)
      expect(by('email').html).toContain('<html')
      expect(by('email').text).toContain('affecting customers in the EU')
      expect(by('slack').text).toBe('Slack says: customers in the EU')
      // The third-party rule holds in previews too: only the status page names the provider.
      expect(by('status_page').text).toContain('Stripe')
      expect(by('email').text).not.toContain('Stripe')

      const sample = (await preview({ stage: 'all_clear', channels: ['webhook'] })).json()
      expect(sample).toMatchObject({ facts: 'sample', messages: [{ channel: 'webhook' }] })

      const bad = await preview({ stage: 'update', draft: { channel: 'email', subject: '{{ page_name | nope }}' } })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().errors).toEqual([
        { path: 'draft.subject', line: 1, column: 1, message: 'undefined filter: nope' },
      ])
      expect((await preview({ stage: 'update', incident_id: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
        404,
      )
      expect((await preview({ stage: 'stand_down' })).statusCode).toBe(400)
      expect((await preview({ stage: 'update', channels: ['fax'] })).statusCode).toBe(400)
    })

    it("lints a draft for blame, speculation and the org's words to avoid, with position and reason", async () => {
      const t = await createTestApp(engine)
      const lint = (payload: unknown) =>
        t.app.inject({ method: 'POST', url: '/api/messages/lint', headers: t.org.auth, payload: payload as object })
      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/brand-voice',
        headers: t.org.auth,
        payload: { words_to_avoid: ['glitch'] },
      })
      expect(saved.json()).toMatchObject({ words_to_avoid: ['glitch'], lint_rules_are_default: true })
      const { findings } = (await lint({ text: 'A small glitch.\nIt is probably their fault.' })).json()
      expect(findings).toEqual([
        expect.objectContaining({ text: 'glitch', kind: 'avoid', start: 8, end: 14, line: 1, column: 9 }),
        expect.objectContaining({ text: 'probably', kind: 'speculation', line: 2, column: 7 }),
        expect.objectContaining({ text: 'their fault', kind: 'blame', line: 2, column: 16 }),
      ])
      expect(findings[2].reason).toContain('on us')

      await t.app.inject({
        method: 'PUT',
        url: '/api/brand-voice',
        headers: t.org.auth,
        payload: { lint_rules: [{ phrase: 'unfortunately', kind: 'blame', reason: 'Sounds like an excuse' }] },
      })
      const own = (await lint({ text: 'Unfortunately, probably.' })).json().findings
      expect(own).toEqual([expect.objectContaining({ text: 'Unfortunately', reason: 'Sounds like an excuse' })])

      expect((await lint({ text: 5 })).statusCode).toBe(400)
      expect((await lint({})).statusCode).toBe(400)
      const blank = await t.app.inject({
        method: 'PUT',
        url: '/api/brand-voice',
        headers: t.org.auth,
        payload: { words_to_avoid: ['  '] },
      })
      expect(blank.statusCode).toBe(400)
    })

    it('answers any malformed input with a 4xx, never a 500, and documents its routes', async () => {
      const t = await createTestApp(engine)
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json()
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/templates/{stage}/{channel}/{audience}/{locale}', '/api/messages/lint']),
      )
      const routes = [
        ['PUT', ackEmail],
        ['POST', '/api/templates/preview'],
        ['POST', '/api/messages/lint'],
        ['PUT', '/api/brand-voice'],
      ] as const
      const body = fc.oneof(
        fc.jsonValue(),
        fc.record({ body: fc.string(), subject: fc.jsonValue(), short: fc.string() }, { requiredKeys: [] }),
        fc.record({ stage: fc.string(), channels: fc.array(fc.string()), draft: fc.jsonValue() }, { requiredKeys: [] }),
        fc.record({ text: fc.jsonValue(), sign_off: fc.jsonValue(), lint_rules: fc.jsonValue() }, { requiredKeys: [] }),
      )
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          body,
          fc.string({ maxLength: 12 }),
          async ([method, url], b, seg) => {
            const res = await t.app.inject({ method, url, headers: t.org.auth, payload: JSON.stringify(b) })
            const odd = await t.app.inject({
              url: `/api/templates/${encodeURIComponent(seg)}/email/customer/en`,
              headers: t.org.auth,
            })
            return res.statusCode < 500 && odd.statusCode < 500
          },
        ),
        { numRuns: 60 },
      )
    })
  })
})

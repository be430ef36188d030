import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { createTestApp } from '../support/test-app.js'
import { pageWithComponents, startTestDelivery, waitFor } from '../subscribers/helpers.js'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

const facts = {
  who_is_affected: 'customers paying by card in the EU',
  expected_duration: 'about an hour',
  workaround: 'Pay by bank transfer meanwhile.',
  contact: 'support@acme.example',
  response_time_minutes: 120,
  third_party_provider: 'Stripe',
}

forEachDatabase((engine) => {
  describe("an incident's communication facts", () => {
    it('are kept on the incident, shown on the status page, and named the same in every email', async () => {
      const { app, org, deps } = await createTestApp(engine)
      const sink = await startSmtpSink({ keepRaw: true })
      cleanup.push(() => sink.close())
      const { pageId, slug } = await pageWithComponents(app, org)
      const service = await startTestDelivery(deps, { smtpUrl: sink.url })
      cleanup.push(() => service.stop())
      await app.inject({
        method: 'POST',
        url: `/api/pages/${pageId}/subscribers`,
        headers: org.auth,
        payload: { address: 'reader@example.com', skip_confirmation: true },
      })
      const created = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: org.auth,
        payload: { title: 'Card payments fail', page_id: pageId, body: 'Stripe declines some cards.', ...facts },
      })
      expect(created.statusCode).toBe(201)
      expect(created.json()).toMatchObject({ ...facts, show_provider_on_page: false })

      const first = await simpleParser(
        (await waitFor(() => sink.messages.find((m) => m.to.includes('reader@example.com'))))!.raw ?? '',
      )
      expect(first.text).toContain('affecting customers paying by card in the EU')
      // The provider's name never leaves through email, even in the communicator's own text.
      expect(first.text).not.toContain('Stripe')
      expect(first.text).toContain('One of our third-party providers declines some cards.')
      const id = created.json().id
      await app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/updates`,
        headers: org.auth,
        payload: { status: 'identified', body: 'Stripe is fixing it; we are routing cards to a second processor.' },
      })
      const second = await simpleParser(
        (await waitFor(() => sink.messages.filter((m) => m.to.includes('reader@example.com'))[1]))!.raw ?? '',
      )
      expect(second.text).toContain('support@acme.example; we reply within 2 hours')
      expect(second.text).not.toContain('Stripe')

      await deps.statusPages.start()
      const page = async () => (await app.inject({ url: `/p/${slug}/` })).body
      await waitFor(async () => (await page()).includes('Card payments fail'))
      expect(await page()).toContain('<dt>Who is affected</dt><dd>customers paying by card in the EU</dd>')
      expect(await page()).toContain('<dd>support@acme.example (we reply within 2 hours)</dd>')
      expect(await page()).not.toContain('<dt>Cause</dt>')

      const shown = await app.inject({
        method: 'PATCH',
        url: `/api/incidents/${id}`,
        headers: org.auth,
        payload: { show_provider_on_page: true, workaround: null },
      })
      expect(shown.json()).toMatchObject({ show_provider_on_page: true, workaround: null, contact: facts.contact })
      await waitFor(async () => (await page()).includes('<dt>Cause</dt><dd>Stripe</dd>'))
      expect(await page()).not.toContain('Pay by bank transfer')
    })

    it('refuse bad values with 400 naming the field, and change nothing', async () => {
      const { app, org } = await createTestApp(engine)
      const created = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: org.auth,
        payload: { title: 'Slow', status: 'triage' },
      })
      expect(created.statusCode, created.body).toBe(201)
      const id = created.json().id
      for (const [field, value] of [
        ['response_time_minutes', 0],
        ['response_time_minutes', 1.5],
        ['contact', ''],
        ['who_is_affected', 'x'.repeat(501)],
        ['show_provider_on_page', 'yes'],
      ] as const) {
        const response = await app.inject({
          method: 'PATCH',
          url: `/api/incidents/${id}`,
          headers: org.auth,
          payload: { [field]: value },
        })
        expect(response.statusCode, field).toBe(400)
        expect(response.json().errors[0].path).toBe(field)
      }
      const incident = (await app.inject({ url: `/api/incidents/${id}`, headers: org.auth })).json()
      expect(incident).toMatchObject({ response_time_minutes: null, contact: null, who_is_affected: null })
    })
  })
})

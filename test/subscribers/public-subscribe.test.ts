import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { linkToken } from '../../src/app/subscribers/subscriber-links.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { form, pageWithComponents } from './helpers.js'

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' }

forEachDatabase((engine) => {
  describe('public subscribe form and links', () => {
    it('shows a plain HTML form that needs no JavaScript, with the page’s components', async () => {
      const { app, org } = await createTestApp(engine)
      const { slug, componentIds } = await pageWithComponents(app, org)
      const page = await app.inject({ url: `/p/${slug}/subscribe` })
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toContain('text/html')
      expect(page.body).toContain(`<form method="post" action="/p/${slug}/subscribe">`)
      expect(page.body).toContain('<input id="email" name="email" type="email" required')
      expect(page.body).toContain(`value="${componentIds[0]}"`)
      expect(page.body).not.toContain('<script')
      expect((await app.inject({ url: '/p/no-such-page/subscribe' })).statusCode).toBe(404)
    })

    it('lets exactly its own inline style through the CSP and leaves every other page’s CSP as it was', async () => {
      const { app, org } = await createTestApp(engine)
      const { slug } = await pageWithComponents(app, org)
      const page = await app.inject({ url: `/p/${slug}/subscribe` })
      const other = await app.inject({ url: '/api/pages', headers: org.auth })
      const style = /<style>([^<]*)<\/style>/.exec(page.body)?.[1] ?? ''
      const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`
      const base = String(other.headers['content-security-policy'])
      expect(base).toContain("style-src 'self';")
      expect(page.headers['content-security-policy']).toBe(base.replace("style-src 'self'", `style-src 'self' ${hash}`))
      expect(page.headers['content-security-policy']).not.toContain('unsafe-inline')
    })

    it('subscribes from a form POST, pending until the link in the mail is followed', async () => {
      const { app, org, deps } = await createTestApp(engine)
      const { slug, pageId, componentIds } = await pageWithComponents(app, org)
      const posted = await app.inject({
        method: 'POST',
        url: `/p/${slug}/subscribe`,
        headers: formHeaders,
        payload: form({ email: 'Reader@Example.com', locale: 'zh-Hant', component_ids: [componentIds[1]!] }),
      })
      expect(posted.statusCode).toBe(200)
      expect(posted.body).toContain('Check your inbox')
      const list = (await app.inject({ url: `/api/pages/${pageId}/subscribers`, headers: org.auth })).json()
      expect(list.subscribers[0]).toMatchObject({
        address: 'Reader@example.com',
        state: 'pending',
        locale: 'zh-Hant',
        component_ids: [componentIds[1]],
        source: 'form',
      })
      const id = list.subscribers[0].id
      const link = `/subscriptions/${id}/confirm?token=${linkToken(deps.secret, 'confirm', id)}`
      // Opening the link (as a mail scanner does) only asks; the page's button confirms.
      const asked = await app.inject({ url: link })
      expect(asked.statusCode).toBe(200)
      expect(asked.body).toContain('確認訂閱')
      expect(asked.body).toContain(`<form method="post" action="${link.replaceAll('&', '&amp;')}">`)
      expect((await app.inject({ url: `/api/subscribers/${id}`, headers: org.auth })).json().state).toBe('pending')
      const confirmed = await app.inject({ method: 'POST', url: link })
      expect(confirmed.statusCode).toBe(200)
      expect(confirmed.body).toContain('訂閱已確認')
      expect((await app.inject({ url: `/api/subscribers/${id}`, headers: org.auth })).json().state).toBe('active')
      expect((await app.inject({ url: link })).body).toContain('已經確認')
      expect((await app.inject({ method: 'POST', url: link })).body).toContain('已經確認')
    })

    it('is never confirmed by fetching its link, however often (mail scanners, link previews)', async () => {
      const { app, org, deps } = await createTestApp(engine)
      const { slug, pageId } = await pageWithComponents(app, org)
      await app.inject({ method: 'POST', url: `/p/${slug}/subscribe`, payload: { email: 'scanned@example.com' } })
      const id = (await app.inject({ url: `/api/pages/${pageId}/subscribers`, headers: org.auth })).json()
        .subscribers[0].id
      const link = `/subscriptions/${id}/confirm?token=${linkToken(deps.secret, 'confirm', id)}`
      for (const method of ['GET', 'HEAD', 'GET'] as const) await app.inject({ method, url: link })
      expect((await app.inject({ url: `/api/subscribers/${id}`, headers: org.auth })).json().state).toBe('pending')
      const json = await app.inject({ method: 'POST', url: link, headers: { accept: 'application/json' } })
      expect(json.json()).toEqual({ outcome: 'confirmed' })
    })

    it('answers JSON clients with 202 and re-shows the form with the error for a bad address', async () => {
      const { app, org } = await createTestApp(engine)
      const { slug } = await pageWithComponents(app, org)
      const json = await app.inject({
        method: 'POST',
        url: `/p/${slug}/subscribe`,
        payload: { email: 'api@example.com' },
      })
      expect(json.statusCode).toBe(202)
      expect(json.json()).toEqual({ accepted: true, confirmation_valid_hours: 48 })
      const bad = await app.inject({
        method: 'POST',
        url: `/p/${slug}/subscribe`,
        headers: formHeaders,
        payload: form({ email: 'nope' }),
      })
      expect(bad.statusCode).toBe(400)
      expect(bad.body).toContain('Please enter a valid email address.')
      expect(bad.body).toContain('value="nope"')
    })

    it('gives the same answer for an address already subscribed, so the form reveals nothing', async () => {
      const { app, org } = await createTestApp(engine)
      const { slug, pageId } = await pageWithComponents(app, org)
      await app.inject({
        method: 'POST',
        url: `/api/pages/${pageId}/subscribers`,
        headers: org.auth,
        payload: { address: 'known@example.com', skip_confirmation: true },
      })
      const known = await app.inject({
        method: 'POST',
        url: `/p/${slug}/subscribe`,
        headers: formHeaders,
        payload: form({ email: 'known@example.com' }),
      })
      const unknown = await app.inject({
        method: 'POST',
        url: `/p/${slug}/subscribe`,
        headers: formHeaders,
        payload: form({ email: 'new@example.com' }),
      })
      expect(known.statusCode).toBe(unknown.statusCode)
      expect(known.body.replace('known@', 'new@')).toBe(unknown.body)
    })

    it('refuses a confirmation link after 48 hours, and a forged token', async () => {
      const { app, org, deps, clock } = await createTestApp(engine)
      const { slug, pageId } = await pageWithComponents(app, org)
      await app.inject({ method: 'POST', url: `/p/${slug}/subscribe`, payload: { email: 'late@example.com' } })
      const id = (await app.inject({ url: `/api/pages/${pageId}/subscribers`, headers: org.auth })).json()
        .subscribers[0].id
      expect(
        (await app.inject({ url: `/subscriptions/${id}/confirm?token=${linkToken('wrong secret', 'confirm', id)}` }))
          .statusCode,
      ).toBe(404)
      expect(
        (await app.inject({ url: `/subscriptions/${id}/confirm?token=${linkToken(deps.secret, 'unsubscribe', id)}` }))
          .statusCode,
      ).toBe(404)
      clock.advance(48 * 3_600_000 + 1)
      const link = `/subscriptions/${id}/confirm?token=${linkToken(deps.secret, 'confirm', id)}`
      for (const method of ['GET', 'POST'] as const) {
        const expired = await app.inject({ method, url: link })
        expect(expired.statusCode).toBe(410)
        expect(expired.body).toContain('This link has expired')
      }
      expect((await app.inject({ url: `/api/subscribers/${id}`, headers: org.auth })).json().state).toBe('pending')
    })

    it('asks on GET and unsubscribes on the one-click POST (RFC 8058), idempotently', async () => {
      const { app, org, deps } = await createTestApp(engine)
      const { pageId } = await pageWithComponents(app, org)
      const id = (
        await app.inject({
          method: 'POST',
          url: `/api/pages/${pageId}/subscribers`,
          headers: org.auth,
          payload: { address: 'leaver@example.com', skip_confirmation: true },
        })
      ).json().id
      const url = `/subscriptions/${id}/unsubscribe?token=${linkToken(deps.secret, 'unsubscribe', id)}`
      const asked = await app.inject({ url })
      expect(asked.body).toContain('Stop sending status updates from Acme Cloud to leaver@example.com?')
      expect((await app.inject({ url: `/api/subscribers/${id}`, headers: org.auth })).json().state).toBe('active')
      const oneClick = await app.inject({
        method: 'POST',
        url,
        headers: formHeaders,
        payload: 'List-Unsubscribe=One-Click',
      })
      expect(oneClick.statusCode).toBe(200)
      expect(oneClick.body).toContain('You are unsubscribed')
      expect(
        (await app.inject({ method: 'POST', url, headers: formHeaders, payload: 'List-Unsubscribe=One-Click' }))
          .statusCode,
      ).toBe(200)
      expect((await app.inject({ url: `/api/subscribers/${id}`, headers: org.auth })).json()).toMatchObject({
        state: 'unsubscribed',
        unsubscribed_at: '2026-11-20T09:00:00.000Z',
      })
    })

    it(
      'on a host no page claims (localhost, an IP, BASE_URL’s), ' +
        'subscribes to the page the status page shows there',
      async () => {
        const { app, org, createOrg, deps } = await createTestApp(engine)
        const create = async (auth: { authorization: string }, slug: string, name: string, hostnames: string[] = []) =>
          (
            await app.inject({ method: 'POST', url: '/api/pages', headers: auth, payload: { slug, name, hostnames } })
          ).json()
        const tag = org.id.slice(0, 8)
        const oldest = await create(org.auth, `oldest-${tag}`, 'Oldest Page')
        await create((await createOrg()).auth, `newer-${tag}`, 'Newer Page', [`newer-${tag}.example.com`])
        await deps.statusPages.start()
        // createTestApp's BASE_URL is http://status.test
        for (const host of ['localhost:3000', '127.0.0.1', '[::1]:8080', 'status.test']) {
          expect((await app.inject({ url: '/', headers: { host } })).body).toContain('Oldest Page')
          const form = await app.inject({ url: '/subscribe', headers: { host } })
          expect(form.statusCode, host).toBe(200)
          expect(form.body).toContain('Oldest Page')
          expect(form.body).toContain('<form method="post" action="/subscribe">')
        }
        const posted = await app.inject({
          method: 'POST',
          url: '/subscribe',
          headers: { host: '127.0.0.1:3000' },
          payload: { email: 'local@example.com' },
        })
        expect(posted.statusCode).toBe(202)
        const list = (await app.inject({ url: `/api/pages/${oldest.id}/subscribers`, headers: org.auth })).json()
        expect(list.subscribers.map((s: { address: string }) => s.address)).toEqual(['local@example.com'])
        // A name that is neither claimed nor local stays unknown, as on the status page.
        expect((await app.inject({ url: '/', headers: { host: 'unknown.example' } })).statusCode).toBe(404)
        expect((await app.inject({ url: '/subscribe', headers: { host: 'unknown.example' } })).statusCode).toBe(404)
      },
    )

    it('finds the page by its custom domain', async () => {
      const { app, org } = await createTestApp(engine)
      const { pageId } = await pageWithComponents(app, org)
      const host = `status-${pageId.slice(0, 8)}.example.com`
      await app.inject({
        method: 'PATCH',
        url: `/api/pages/${pageId}`,
        headers: org.auth,
        payload: { hostnames: [host] },
      })
      const page = await app.inject({ url: '/subscribe', headers: { host } })
      expect(page.body).toContain('<form method="post" action="/subscribe">')
      const posted = await app.inject({
        method: 'POST',
        url: '/subscribe',
        headers: { host },
        payload: { email: 'byhost@example.com' },
      })
      expect(posted.statusCode).toBe(202)
    })
  })
})

import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageLinkUrl } from '../../src/app/oncall/page-links.js'
import { linkToken } from '../../src/app/subscribers/subscriber-links.js'
import { addMembers, postJson } from '../oncall/oncall-fixtures.js'
import { pageWithComponents } from '../subscribers/helpers.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { chromiumPath, launchChromium } from './browser-kit.js'

/**
 * The one-click pages linked from emails hold a secret token in their address and post a form
 * back. A real browser decides which Origin it sends with that POST (from the page's referrer
 * policy), and the CSRF guard must let it through: in-memory requests cannot show this.
 */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)(
  'emailed link pages in a real browser, without JavaScript',
  () => {
    let browser: Browser
    let t: TestApp
    let baseUrl = ''

    beforeAll(async () => {
      browser = await launchChromium()
    })
    // The test app is closed after each test, so each test serves its own.
    async function serve() {
      t = await createTestApp('pglite')
      await t.app.listen({ port: 0, host: '127.0.0.1' })
      baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    }
    afterAll(async () => {
      await browser?.close()
    })

    async function openAndSubmit(path: string) {
      const context = await browser.newContext({ javaScriptEnabled: false })
      const tab = await context.newPage()
      await tab.goto(`${baseUrl}${path}`)
      const [answer] = await Promise.all([tab.waitForNavigation(), tab.locator('form button[type=submit]').click()])
      const text = await tab.locator('body').innerText()
      await context.close()
      return { status: answer?.status(), text }
    }

    it('acknowledges an on-call page from its emailed link', async () => {
      await serve()
      const [ana] = await addMembers(t.deps.store.db, t.org.id, ['Ana'])
      const policy = await postJson(t.app, '/api/escalation-policies', t.org.auth, {
        name: 'P',
        levels: [{ ack_timeout_minutes: 5, targets: [{ type: 'user', id: ana!.id }] }],
      })
      const page = await postJson(t.app, '/api/oncall-pages', t.org.auth, {
        escalation_policy_id: policy.id,
        summary: 'Disk full',
      })
      const url = new URL(
        pageLinkUrl(t.deps, {
          orgId: t.org.id,
          pageId: page.id,
          userId: ana!.id,
          action: 'acknowledge',
          now: t.clock.now,
        }),
      )
      const { status, text } = await openAndSubmit(url.pathname + url.search)
      expect(text).not.toMatch(/Cross-site request refused/)
      expect(status).toBe(200)
      expect((await t.app.inject({ url: `/api/oncall-pages/${page.id}`, headers: t.org.auth })).json()).toMatchObject({
        status: 'acknowledged',
      })
    })

    it('unsubscribes from the link in a status email', async () => {
      await serve()
      const { pageId } = await pageWithComponents(t.app, t.org)
      const id = (
        await t.app.inject({
          method: 'POST',
          url: `/api/pages/${pageId}/subscribers`,
          headers: t.org.auth,
          payload: { address: 'leaver@example.com', skip_confirmation: true },
        })
      ).json().id
      const { status, text } = await openAndSubmit(
        `/subscriptions/${id}/unsubscribe?token=${linkToken(t.deps.secret, 'unsubscribe', id)}`,
      )
      expect(text).not.toMatch(/Cross-site request refused/)
      expect(status).toBe(200)
      expect(text).toContain('You are unsubscribed')
      expect((await t.app.inject({ url: `/api/subscribers/${id}`, headers: t.org.auth })).json()).toMatchObject({
        state: 'unsubscribed',
      })
    })
  },
)

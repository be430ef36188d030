import { existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { chromiumPath, launchChromium } from './browser-kit.js'

const outputDir = new URL('../../test-output/', import.meta.url)

/** Under CI a missing browser is a failure, not a skip. */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('status page in a real browser', () => {
  let browser: Browser
  let t: TestApp
  let baseUrl = ''
  let slug = ''
  let pageId = ''
  let componentId = ''

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function openPage(options: { javaScriptEnabled: boolean; colorScheme?: 'light' | 'dark'; width?: number }) {
    t = await createTestApp('pglite')
    slug = `acme-${t.org.id.slice(0, 8)}`
    const page = (
      await t.app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: t.org.auth,
        payload: { slug, name: 'Acme Cloud', branding: { brandColor: '#5b3cc4' } },
      })
    ).json()
    pageId = page.id
    const group = (
      await t.app.inject({
        method: 'POST',
        url: '/api/component-groups',
        headers: t.org.auth,
        payload: { page_id: pageId, name: 'Core platform' },
      })
    ).json()
    componentId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/components',
        headers: t.org.auth,
        payload: { page_id: pageId, name: 'API', description: 'Public REST API', group_id: group.id },
      })
    ).json().id
    await t.app.inject({
      method: 'POST',
      url: '/api/components',
      headers: t.org.auth,
      payload: { page_id: pageId, name: 'Dashboard' },
    })
    await t.deps.statusPages.start()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled,
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: options.width ?? 1100, height: 900 },
    })
    const tab = await context.newPage()
    const problems: string[] = []
    tab.on('console', (m) => m.type() === 'error' && problems.push(`${m.text()} ${m.location().url}`))
    tab.on('pageerror', (e) => problems.push(e.message))
    await tab.goto(`${baseUrl}/p/${slug}/`)
    return { tab, problems }
  }

  const text = (tab: Page, selector: string) => tab.locator(selector).innerText()

  it(
    'shows the banner and components, ' + 'then an incident update posted through the API live within a second',
    async () => {
      const { tab, problems } = await openPage({ javaScriptEnabled: true })
      expect(await text(tab, '#status-banner')).toBe('All systems operational')
      // Groups are collapsed while all is well; the summary already says the group's status.
      expect(await text(tab, '#components details summary')).toMatch(/Core platform\s+1 component\s+Operational/)
      await tab.locator('#components details summary').click()
      const row = await text(tab, `#component-${componentId}`)
      expect(row).toContain('API')
      expect(row).toContain('Operational')
      expect(await tab.locator('#last-updated time').getAttribute('data-utc')).toMatch(/UTC$/)

      const runtime = t.deps.statusPages
      await expect.poll(() => runtime.hub.count(pageId)).toBe(1)
      const incident = (
        await t.app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: t.org.auth,
          payload: {
            title: 'Elevated API errors',
            page_id: pageId,
            body: 'We are investigating errors on the API.',
            components: [{ id: componentId, status: 'partial_outage' }],
          },
        })
      ).json()
      await tab.locator('#active-incidents', { hasText: 'Elevated API errors' }).waitFor({ timeout: 1_000 })
      t.clock.advance(5 * 60_000)

      const update = await t.app.inject({
        method: 'POST',
        url: `/api/incidents/${incident.id}/updates`,
        headers: t.org.auth,
        payload: {
          status: 'identified',
          body: 'A faulty deploy is being **rolled back**.',
          body_technical: 'Release 2026.11.20-3 raised pool timeouts.',
        },
      })
      expect(update.statusCode).toBe(201)
      // Live means pushed: the page's fallback poll is far slower than this wait.
      await tab.locator('#active-incidents', { hasText: 'rolled back' }).waitFor({ timeout: 10_000 })
      expect(await tab.locator('#active-incidents .update-status').allInnerTexts()).toEqual([
        'Identified',
        'Investigating',
      ])
      expect(await text(tab, '#status-banner')).toBe('Partial system outage')
      expect(await text(tab, `#component-${componentId}`)).toContain('Partial outage')
      const details = tab.locator('#active-incidents details.tech').first()
      expect(await details.locator('summary').innerText()).toBe('Details for IT teams')
      await details.locator('summary').click()
      expect(await details.innerText()).toContain('Release 2026.11.20-3')

      await tab.screenshot({ path: new URL('status-page.png', outputDir).pathname, fullPage: true })
      expect(problems).toEqual([])
    },
  )

  it('works with JavaScript off: the state at load time, times in UTC', async () => {
    const { tab, problems } = await openPage({ javaScriptEnabled: false, colorScheme: 'dark', width: 390 })
    expect(await text(tab, '#status-banner')).toBe('All systems operational')
    await tab.locator('#components details summary').click()
    expect(await text(tab, `#component-${componentId}`)).toContain('Operational')
    expect(await tab.locator('#last-updated time').innerText()).toMatch(/UTC$/)
    expect(await tab.locator('#last-updated time').getAttribute('data-utc')).toBeNull()
    expect(await tab.locator('meta[http-equiv="refresh"]').count()).toBe(0)
    await tab.locator('a', { hasText: 'Incident history' }).first().click()
    expect(await text(tab, 'main h1')).toBe('Incident history')
    await tab.screenshot({ path: new URL('status-page-no-js.png', outputDir).pathname, fullPage: true })
    expect(problems).toEqual([])
  })
})

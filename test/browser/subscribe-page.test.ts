import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { chromiumPath, launchChromium } from './browser-kit.js'

/**
 * The subscribe form carries its own small stylesheet; the server's CSP must let exactly that
 * through. Only a real browser enforces CSP, so only a real browser can show the page styled.
 */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('the subscribe page in a real browser', () => {
  let browser: Browser
  let t: TestApp
  let baseUrl = ''

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('is styled in the page’s brand colour, with no CSP violation', async () => {
    // The test app is closed after each test, so each test serves its own.
    t = await createTestApp('pglite')
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    const slug = `brand-${t.org.id.slice(0, 8)}`
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/pages',
      headers: t.org.auth,
      payload: { slug, name: 'Acme', branding: { brandColor: '#aa3300' } },
    })
    expect(created.statusCode).toBe(201)
    const context = await browser.newContext()
    // Injected by the browser itself, so the page's CSP cannot stop it from reporting.
    await context.addInitScript({
      content: `window.cspViolations = []
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective))`,
    })
    const tab = await context.newPage()
    const consoleErrors: string[] = []
    // Chromium asks for /favicon.ico by itself (404 here); any other error counts, CSP reports included.
    tab.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
        consoleErrors.push(message.text())
    })
    const answer = await tab.goto(`${baseUrl}/p/${slug}/subscribe`)
    expect(answer?.status()).toBe(200)
    const computed = (selector: string, property: string) =>
      tab.evaluate(`getComputedStyle(document.querySelector('${selector}')).${property}`)
    const style = {
      buttonBackground: await computed('button[type=submit]', 'backgroundColor'),
      mainMaxWidth: await computed('main', 'maxWidth'),
      bodyMargin: await computed('body', 'margin'),
    }
    const violations = await tab.evaluate('window.cspViolations')
    await context.close()
    expect(violations).toEqual([])
    expect(consoleErrors).toEqual([])
    expect(style).toEqual({ buttonBackground: 'rgb(170, 51, 0)', mainMaxWidth: '544px', bodyMargin: '0px' })
  })
})

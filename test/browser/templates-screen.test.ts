import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { chromiumPath, expectNoSeriousA11yViolations, launchChromium } from './browser-kit.js'

/** Under CI a missing browser is a failure, not a skip. */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('the templates screen', () => {
  let browser: Browser
  let t: TestApp

  beforeAll(async () => {
    ;[browser, t] = await Promise.all([launchChromium(), createTestApp('pglite')])
    await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await browser?.close()
    await t?.app.close()
  })

  it('edits a template with a live preview naming the broken line, saves, resets, sets the sign-off', async () => {
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    // An owner's API token stands in for a session: the console sends it with every request.
    const context = await browser.newContext({ extraHTTPHeaders: t.org.auth, viewport: { width: 1280, height: 900 } })
    const tab = await context.newPage()
    await tab.goto(`${baseUrl}/console/settings/templates`)
    await tab.getByRole('heading', { level: 1, name: 'Templates' }).waitFor()
    await tab.getByRole('button', { name: 'Edit Email' }).click()

    const body = tab.getByLabel('Body')
    await body.fill('Hello {% if who_known %}')
    await tab.getByText('Body: line 1: tag {% if who_known %} not closed').waitFor()
    await body.fill('Heads-up about {{ affected }}. It is probably fine.')
    const email = tab.getByRole('article', { name: 'Email preview' })
    await email.getByText('Heads-up about API and Dashboard. It is probably fine.').waitFor()
    await expect(tab.getByRole('article').count()).resolves.toBe(4)
    expect(await email.innerText()).toMatch(/Speculation.*probably/)
    await expectNoSeriousA11yViolations(tab)

    await tab.getByRole('button', { name: 'Save template' }).click()
    await tab.getByText('Saved: this is the template that renders now.').waitFor()
    await tab.getByRole('cell', { name: 'Own', exact: true }).waitFor()
    await tab.getByRole('button', { name: 'Reset to built-in' }).click()
    await tab.getByText('Back to the built-in template.').waitFor()
    const detail = await t.app.inject({ url: '/api/templates/acknowledge/email/customer/en', headers: t.org.auth })
    expect(detail.json().overridden).toBe(false)

    await tab.getByLabel('Sign-off').fill('— The Acme team')
    await tab.getByRole('button', { name: 'Save brand voice' }).click()
    await tab.getByText('Brand voice saved.').waitFor()
    const voice = await t.app.inject({ url: '/api/brand-voice', headers: t.org.auth })
    expect(voice.json().sign_off).toBe('— The Acme team')
  })
})

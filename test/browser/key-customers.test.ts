import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addPerson, defaultPassword } from '../accounts/accounts-fixtures.js'
import { pageWithComponents } from '../subscribers/helpers.js'
import { createTestApp } from '../support/test-app.js'
import { chromiumPath, launchChromium } from './browser-kit.js'

/** The whole suite shares two cores: give the UI time to catch up rather than a flaky second. */
const eventually = { timeout: 15_000 }

describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('key customers in a real browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('adds a key customer on its screen, then marks their contact task done in the incident room', async () => {
    const t = await createTestApp('pglite', { now: new Date() })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    const owner = await addPerson(t, t.org.id, 'owner')
    const { pageId, componentIds } = await pageWithComponents(t.app, t.org)

    const tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    tab.on('pageerror', (e) => console.error('page error:', e.message))
    await tab.goto(`${baseUrl}/console/key-customers`)
    await tab.getByLabel('Email').fill(owner.email)
    await tab.getByLabel('Password').fill(defaultPassword)
    await tab.getByRole('button', { name: 'Sign in' }).click()
    await tab.getByRole('heading', { level: 1, name: 'Key customers' }).waitFor(eventually)

    const form = tab.getByRole('form', { name: 'Add a key customer' })
    await form.getByLabel('Name', { exact: true }).fill('Globex')
    await form.getByLabel('Notify within (minutes)').fill('45')
    await form.getByLabel('Channel').selectOption('phone')
    await form.getByLabel('API').check()
    await form.getByRole('button', { name: 'Add', exact: true }).click()
    const row = tab.locator('tr[data-customer="Globex"]')
    await expect.poll(() => row.innerText(), eventually).toContain('45 min')
    expect(await row.innerText()).toContain('API')

    const incident = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: t.org.auth,
      payload: {
        title: 'API errors',
        page_id: pageId,
        status: 'investigating',
        body: 'We are looking into it.',
        components: [{ id: componentIds[0], status: 'major_outage' }],
      },
    })
    await tab.goto(`${baseUrl}/console/incidents/${incident.json().id}`)
    const task = tab.locator('tr[data-task="Globex"]')
    await expect.poll(() => task.innerText(), eventually).toContain('Open')
    await task.getByRole('textbox').fill('ZD-4242')
    await task.getByRole('button', { name: 'Save ticket for Globex' }).click()
    await task.getByRole('button', { name: 'Take it for Globex' }).click()
    await expect.poll(() => task.innerText(), eventually).toContain('owner person')
    await task.getByRole('button', { name: 'Mark done for Globex' }).click()
    await expect.poll(() => task.innerText(), eventually).toContain('Done')
    const [stored] = (
      await t.app.inject({ url: `/api/incidents/${incident.json().id}/contact-tasks`, headers: t.org.auth })
    ).json().tasks
    expect(stored).toMatchObject({
      state: 'done',
      ticket_id: 'ZD-4242',
      holder: { id: owner.id, name: 'owner person' },
    })
  })
})

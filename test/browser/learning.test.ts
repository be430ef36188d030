import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type ServerProcess } from '../support/server-process.js'
import { chromiumPath, expectNoSeriousA11yViolations, launchChromium } from './browser-kit.js'

const screensDir = new URL('../../test-output/screens/', import.meta.url)
/** The whole suite shares two cores: give the UI time to catch up rather than a flaky second. */
const eventually = { timeout: 15_000 }

/** Under CI a missing browser is a failure, not a skip. */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('postmortems and scorecards in a real browser', () => {
  let browser: Browser
  let server: ServerProcess
  let context: BrowserContext
  let tab: Page

  const shot = (name: string) => tab.screenshot({ path: new URL(`${name}.png`, screensDir).pathname, fullPage: true })
  const heading = (name: string | RegExp) => tab.getByRole('heading', { level: 1, name })

  beforeAll(async () => {
    mkdirSync(screensDir, { recursive: true })
    const dataDir = join(mkdtempSync(join(tmpdir(), 'candor-learning-')), 'data')
    ;[browser, server] = await Promise.all([
      launchChromium(),
      startServer({ env: { DATA_DIR: dataDir, CANDOR_ADMIN_EMAIL: 'owner@acme.example' } }),
    ])
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    tab = await context.newPage()
    tab.on('pageerror', (e) => console.error('page error:', e.message))
    const printed = /Sign in once with this link[^\n]*\n\s+(http\S+)/.exec(server.output())
    expect(printed, server.output()).not.toBeNull()
    const token = new URL(printed![1]!).searchParams.get('token')!
    await tab.goto(`${server.url}/auth/link?token=${encodeURIComponent(token)}`)
    await tab.getByRole('button', { name: 'Sign in' }).click()
    await heading('Incidents').waitFor()
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.stop()
  })

  it('writes the seeded incident’s postmortem, publishes it to the status page, and scores the response', async () => {
    const title = 'Elevated API error rates in the EU'
    await tab.getByRole('link', { name: title }).click()
    await heading(title).waitFor()
    await tab.getByRole('link', { name: 'Postmortem' }).click()
    await heading(`Postmortem: ${title}`).waitFor()
    await tab.getByRole('button', { name: 'Start from the template' }).click()
    const internal = tab.getByRole('form', { name: 'Internal version' })
    await internal.waitFor(eventually)
    await expect.poll(() => internal.getByLabel('Timeline').inputValue(), eventually).toContain('Incident opened')
    await expectNoSeriousA11yViolations(tab)

    await tab.getByRole('button', { name: 'Public', exact: true }).click()
    const shown = tab.getByRole('form', { name: 'Public version' })
    await shown.getByLabel('Scope').fill('The API, for customers in the EU.')
    await shown.getByLabel('Root cause').fill('A connection-limit change on our EU load balancers.')
    await shown.getByLabel('Resolution').fill('We rolled the change back.')
    await shown.getByLabel('Planned improvements').fill('Load balancer changes now roll out region by region.')
    await shown.getByRole('button', { name: 'Save the public version' }).click()
    await expect.poll(() => tab.locator('main').innerText(), eventually).not.toContain('Still to write')
    await tab.getByRole('button', { name: 'Publish to the status page' }).click()
    await expect.poll(() => tab.locator('main').innerText(), eventually).toContain('On the status page since')

    const items = tab.getByRole('form', { name: 'Add an action item' })
    await items.getByLabel('Action item').fill('Roll out load balancer changes region by region')
    await items.getByLabel('Due on').fill('2020-01-31')
    await items.getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => tab.locator('main').innerText(), eventually).toContain('Overdue')
    await shot('learning-01-postmortem')

    await tab.getByRole('link', { name: 'Action items', exact: true }).click()
    await heading('Action items').waitFor()
    await tab.getByLabel('Show').selectOption('overdue')
    await expect
      .poll(() => tab.locator('main').innerText(), eventually)
      .toContain('Roll out load balancer changes region by region')
    await expectNoSeriousA11yViolations(tab)

    await tab.getByRole('link', { name: title }).click()
    await heading(`Postmortem: ${title}`).waitFor()
    await tab.getByRole('link', { name: 'Scorecard' }).click()
    await heading(`Scorecard: ${title}`).waitFor()
    const recordItem = 'Kept the incident record: the timeline tells the whole story'
    await tab.locator('li', { hasText: recordItem }).getByText('Review', { exact: true }).click()
    const review = tab.getByRole('form', { name: `Review: ${recordItem}` })
    await review.getByLabel('Note').fill('The timeline reads well')
    await review.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => tab.locator('main').innerText(), eventually).toContain('The timeline reads well')
    await expectNoSeriousA11yViolations(tab)
    await shot('learning-02-scorecard')

    const publicTab = await context.newPage()
    await publicTab.goto(`${server.url}/p/acme-cloud/history`)
    await publicTab.getByRole('link', { name: 'Read the postmortem' }).click()
    await publicTab.getByRole('heading', { name: 'Root cause' }).waitFor(eventually)
    expect(await publicTab.locator('#postmortem').innerText()).toContain('A connection-limit change')
  }, 180_000)
})

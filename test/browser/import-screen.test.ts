import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot, startServer, type ServerProcess } from '../support/server-process.js'
import { chromiumPath, expectNoSeriousA11yViolations, launchChromium } from './browser-kit.js'

const outputDir = new URL('../../test-output/', import.meta.url)

/** Under CI a missing browser is a failure, not a skip. */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('moving in from the console', () => {
  let browser: Browser
  let server: ServerProcess

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true })
    const dataDir = join(mkdtempSync(join(tmpdir(), 'candor-import-console-')), 'data')
    ;[browser, server] = await Promise.all([
      launchChromium(),
      startServer({ env: { DATA_DIR: dataDir, CANDOR_ADMIN_EMAIL: 'owner@acme.example' } }),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('checks a Statuspage export with a dry run, then imports it', async () => {
    const tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    const printed = /Sign in once with this link[^\n]*\n\s+(http\S+)/.exec(server.output())
    const token = new URL(printed![1]!).searchParams.get('token')!
    await tab.goto(`${server.url}/auth/link?token=${encodeURIComponent(token)}`)
    await tab.getByRole('button', { name: 'Sign in' }).click()
    await tab.waitForURL(`${server.url}/console/`)

    await tab.getByRole('link', { name: 'Moving in' }).click()
    await tab.getByRole('heading', { level: 1, name: 'Moving in' }).waitFor()
    await tab.getByLabel('From').selectOption('statuspage')
    await tab
      .getByLabel('Export or database file')
      .setInputFiles(join(projectRoot, 'test/import/fixtures/statuspage-export.json'))
    await tab.getByRole('button', { name: 'Check the import' }).click()
    const report = tab.getByRole('region', { name: 'Dry run: nothing was written' })
    await report.waitFor({ timeout: 15_000 })
    expect(await report.innerText()).toMatch(/Would create: pages 1, groups 2, components 4, incidents 3/)
    expect(await report.innerText()).toContain('sms subscriptions have no Candor channel')
    await expectNoSeriousA11yViolations(tab)

    await tab.getByLabel('Dry run: show what would be imported, write nothing').uncheck()
    await tab.getByRole('button', { name: 'Import', exact: true }).click()
    await tab.getByRole('heading', { name: 'Imported from statuspage' }).waitFor({ timeout: 15_000 })
    await tab.screenshot({ path: new URL('console-import.png', outputDir).pathname, fullPage: true })
    const pages = await (await tab.request.get(`${server.url}/api/pages`)).json()
    expect(pages.map((p: { name: string }) => p.name)).toContain('Acme Cloud')
  })
})

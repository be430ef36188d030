import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type ServerProcess } from '../support/server-process.js'
import { chromiumPath, launchChromium } from './browser-kit.js'

const outputDir = new URL('../../test-output/', import.meta.url)
const ownerEmail = 'owner@acme.example'
const newPassword = 'a long and quiet harbour'

/** Under CI a missing browser is a failure, not a skip. */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)(
  'the console in a real browser, against the built server',
  () => {
    let browser: Browser
    let server: ServerProcess

    beforeAll(async () => {
      mkdirSync(outputDir, { recursive: true })
      const dataDir = join(mkdtempSync(join(tmpdir(), 'candor-console-')), 'data')
      ;[browser, server] = await Promise.all([
        launchChromium(),
        startServer({ env: { DATA_DIR: dataDir, CANDOR_ADMIN_EMAIL: ownerEmail } }),
      ])
    })
    afterAll(async () => {
      await browser?.close()
      await server?.stop()
    })

    /** API calls made as the signed-in tab (same cookies), for data the seed has none of (on-call, alerts). */
    async function apiAs(tab: Page, method: 'POST', path: string, data: unknown) {
      const me = await (await tab.request.get(`${server.url}/api/me`)).json()
      const response = await tab.request.fetch(`${server.url}${path}`, {
        method,
        data,
        headers: { 'x-csrf-token': me.csrf_token },
      })
      expect(response.status(), await response.text()).toBeLessThan(300)
      return response.json()
    }

    /** The whole suite shares two cores: give the UI time to catch up rather than a flaky second. */
    const eventually = { timeout: 10_000 }
    const heading = (tab: Page, name: string) => tab.getByRole('heading', { level: 1, name })

    it(
      'takes the owner from the printed link to a working console: ' +
        'incidents, updates, timeline, components, on-call, alerts',
      async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
        const tab = await context.newPage()
        const problems: string[] = []
        // Refusals the test provokes (401 before sign-in, 400 from forms) are logged by Chromium as
        // resource errors: expected.
        tab.on(
          'console',
          (m) =>
            m.type() === 'error' &&
            !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) &&
            problems.push(m.text()),
        )
        tab.on('pageerror', (e) => problems.push(e.message))

        await tab.goto(`${server.url}/console/incidents`)
        await heading(tab, 'Sign in to the console').waitFor()

        // The one-time link npm start prints: its button signs in and lands in the console.
        const printed = /Sign in once with this link[^\n]*\n\s+(http\S+)/.exec(server.output())
        expect(printed, server.output()).not.toBeNull()
        const token = new URL(printed![1]!).searchParams.get('token')!
        await tab.goto(`${server.url}/auth/link?token=${encodeURIComponent(token)}`)
        await tab.getByRole('button', { name: 'Sign in' }).click()
        await tab.waitForURL(`${server.url}/console/`)
        await heading(tab, 'Incidents').waitFor()
        const recent = tab.getByRole('region', { name: 'Recent' })
        await expect.poll(() => recent.innerText(), eventually).toContain('Elevated API error rates in the EU')
        expect(await recent.innerText()).toContain('Resolved')

        // Set a password: the policy's refusal shows beside the form, then a good one is saved.
        await tab.getByRole('link', { name: 'Password' }).click()
        await heading(tab, 'Set your password').waitFor()
        await tab.getByLabel('New password').fill('short')
        await tab.getByRole('button', { name: 'Save password' }).click()
        await expect
          .poll(() => tab.getByRole('alert').innerText(), eventually)
          .toContain('must be at least 12 characters')
        await tab.getByLabel('New password').fill(newPassword)
        await tab.getByRole('button', { name: 'Save password' }).click()
        await tab.getByText('Password saved.').waitFor()

        // Declare an incident with an affected component.
        await tab.getByRole('link', { name: 'Incidents' }).click()
        await tab.getByRole('link', { name: 'Declare an incident' }).click()
        await heading(tab, 'Declare an incident').waitFor()
        await tab.getByLabel('Title').fill('Checkout failing for EU customers')
        await tab.getByLabel('First update').fill('We are investigating failed checkouts in the EU.')
        await tab.getByLabel('API', { exact: true }).selectOption('partial_outage')
        await tab.getByRole('button', { name: 'Declare incident' }).click()
        await heading(tab, 'Checkout failing for EU customers').waitFor()
        const facts = tab.locator('dl.facts')
        await expect
          .poll(() => facts.innerText(), eventually)
          .toMatch(/Investigating[\s\S]*Significant[\s\S]*API[\s\S]*Partial outage/)

        // Post an update from the composer; it shows in the updates and, as a status change, in the timeline.
        const composer = tab.getByRole('form', { name: 'Tell customers' })
        await composer.getByLabel('Stage').selectOption('update')
        await composer.getByLabel('Status', { exact: true }).selectOption('identified')
        await composer.getByLabel('Message').fill('A faulty deploy is being rolled back.')
        await composer.getByRole('button', { name: 'Publish update' }).click()
        const timeline = tab.locator('#timeline')
        await expect.poll(() => timeline.innerText(), eventually).toContain('Status Investigating → Identified')
        expect(await timeline.innerText()).toContain('A faulty deploy is being rolled back.')
        await expect.poll(() => facts.innerText(), eventually).toContain('Identified')

        // The scope message is refused until the checklist is answered; the refusal lists what is missing.
        await composer.getByLabel('Stage').selectOption('scope')
        await composer.getByLabel('Message').fill('Checkout is failing for EU customers.')
        await composer.getByRole('button', { name: 'Publish scope and impact' }).click()
        const refusal = composer.getByRole('alert')
        await expect.poll(() => refusal.innerText(), eventually).toContain('needs the checklist first')
        expect(await refusal.innerText()).toContain('When did it start?')
        await tab.screenshot({ path: new URL('console-incident.png', outputDir).pathname, fullPage: true })

        // Change a component's status, then see it on the public status page.
        await tab.getByRole('link', { name: 'Components' }).click()
        await heading(tab, 'Components').waitFor()
        await tab.getByLabel('New status of Dashboard').selectOption('degraded_performance')
        await tab.getByRole('button', { name: 'Set status of Dashboard' }).click()
        const dashboardStatus = tab.locator('tr[data-component="Dashboard"] .badge')
        await expect.poll(() => dashboardStatus.innerText(), eventually).toContain('Degraded performance')
        await tab.screenshot({ path: new URL('console.png', outputDir).pathname, fullPage: true })

        const publicTab = await context.newPage()
        await expect
          .poll(
            async () => {
              await publicTab.goto(`${server.url}/p/acme-cloud/`)
              return publicTab.locator('#components').textContent()
            },
            { timeout: 10_000 },
          )
          .toMatch(/Dashboard[\s\S]*Degraded performance/)
        expect(await publicTab.locator('#active-incidents').textContent()).toContain(
          'Checkout failing for EU customers',
        )
        await publicTab.close()

        // On-call: who is on call per schedule, and an open page acknowledged from the console.
        const owner = (await (await tab.request.get(`${server.url}/api/me`)).json()).user
        const schedule = await apiAs(tab, 'POST', '/api/schedules', {
          name: 'Primary',
          time_zone: 'UTC',
          layers: [
            {
              participant_ids: [owner.id],
              shift_length: 1,
              shift_unit: 'weeks',
              start_at: '2026-01-01T00:00:00Z',
              time_zone: 'UTC',
            },
          ],
        })
        const policy = await apiAs(tab, 'POST', '/api/escalation-policies', {
          name: 'Checkout',
          levels: [{ ack_timeout_minutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }],
        })
        const paged = await apiAs(tab, 'POST', '/api/oncall-pages', {
          escalation_policy_id: policy.id,
          summary: 'Checkout error rate above 5%',
        })
        await tab.getByRole('link', { name: 'On-call' }).click()
        await heading(tab, 'On-call').waitFor()
        const onCallTable = tab.locator('table', { has: tab.getByRole('columnheader', { name: 'On call now' }) })
        await expect.poll(() => onCallTable.innerText(), eventually).toMatch(/Primary\s+Owner/)
        const pageRow = tab.locator(`#page-${paged.id}`)
        expect(await pageRow.innerText()).toContain('Triggered')
        await pageRow.getByRole('button', { name: /Acknowledge/ }).click()
        await expect.poll(() => pageRow.innerText(), eventually).toContain('Acknowledged by Owner')

        // Alerts: one sent to an integration's intake URL appears in the list.
        const integration = await apiAs(tab, 'POST', '/api/integrations', { name: 'Monitoring', kind: 'webhook' })
        const intake = await fetch(new URL(new URL(integration.url).pathname, server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            summary: 'Checkout 5xx above threshold',
            severity: 'critical',
            dedup_key: 'checkout-5xx',
          }),
        })
        expect(intake.status).toBeLessThan(300)
        await tab.getByRole('link', { name: 'Alerts' }).click()
        await heading(tab, 'Alerts').waitFor()
        await expect
          .poll(() => tab.locator('main table').innerText(), eventually)
          .toMatch(/Checkout 5xx above threshold[\s\S]*Firing[\s\S]*Critical/)

        // Sign out: every console address shows the sign-in screen; the new password signs in again.
        await tab.getByRole('button', { name: 'Sign out' }).click()
        await heading(tab, 'Sign in to the console').waitFor()
        await tab.goto(`${server.url}/console/components`)
        await heading(tab, 'Sign in to the console').waitFor()
        await tab.getByLabel('Email').fill(ownerEmail)
        await tab.getByLabel('Password').fill('not the password at all')
        await tab.getByRole('button', { name: 'Sign in' }).click()
        await tab.getByRole('alert').waitFor()
        await tab.getByLabel('Password').fill(newPassword)
        await tab.getByRole('button', { name: 'Sign in' }).click()
        await heading(tab, 'Components').waitFor()
        await tab.getByRole('button', { name: 'Sign out' }).click()
        await heading(tab, 'Sign in to the console').waitFor()

        expect(problems).toEqual([])
        await context.close()
      },
    )

    // Signs in with the password the test above chose, and finds the incident it declared.
    it('reads well narrow and dark: the incidents list on a phone-sized screen', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' })
      const tab = await context.newPage()
      await tab.goto(`${server.url}/console/`)
      await tab.getByLabel('Email').fill(ownerEmail)
      await tab.getByLabel('Password').fill(newPassword)
      await tab.getByRole('button', { name: 'Sign in' }).click()
      await heading(tab, 'Incidents').waitFor()
      await tab.getByText('Checkout failing for EU customers').waitFor()
      const background = await tab.evaluate('getComputedStyle(document.body).backgroundColor')
      expect(background).toBe('rgb(13, 17, 23)')
      const overflow = await tab.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
      expect(overflow).toBeLessThanOrEqual(0)
      await tab.screenshot({ path: new URL('console-dark-narrow.png', outputDir).pathname, fullPage: true })
      await context.close()
    })
  },
)

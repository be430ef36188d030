import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertmanagerAlert, alertmanagerGroup } from '../intake/intake-helpers.js'
import { startServer, type ServerProcess } from '../support/server-process.js'
import { actionCounter, chromiumPath, expectNoSeriousA11yViolations, launchChromium } from './browser-kit.js'

const screensDir = new URL('../../test-output/screens/', import.meta.url)
const ownerEmail = 'owner@acme.example'
/** The whole suite shares two cores: give the UI time to catch up rather than a flaky second. */
const eventually = { timeout: 15_000 }

/** Under CI a missing browser is a failure, not a skip. */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('the incident room in a real browser', () => {
  let browser: Browser
  let server: ServerProcess
  let context: BrowserContext
  let tab: Page
  let intakePath = ''
  let pageId = ''

  const shot = (target: Page, name: string) =>
    target.screenshot({ path: new URL(`${name}.png`, screensDir).pathname, fullPage: true })
  const heading = (target: Page, name: string | RegExp) => target.getByRole('heading', { level: 1, name })

  async function apiAs(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown) {
    // A kept-alive socket the server has just closed fails once with ECONNRESET: try again on a new one.
    for (let attempt = 1; ; attempt++) {
      try {
        return await apiOnce(method, path, data)
      } catch (error) {
        if (attempt >= 3 || !/ECONNRESET|socket hang up/.test(String(error))) throw error
      }
    }
  }

  async function apiOnce(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown) {
    const me = await (await tab.request.get(`${server.url}/api/me`)).json()
    const response = await tab.request.fetch(`${server.url}${path}`, {
      method,
      ...(data === undefined ? {} : { data }),
      headers: { 'x-csrf-token': me.csrf_token },
    })
    expect(response.status(), await response.text()).toBeLessThan(300)
    return response.status() === 204 ? null : response.json()
  }

  /** One Alertmanager group of one alert; another alertname is another group (and another incident). */
  async function fireAlert(instance: string, labels: Record<string, string> = {}) {
    const alert = alertmanagerAlert(instance, 'firing', labels)
    const annotations = { ...alert.annotations, runbook_url: 'https://runbooks.example/checkout' }
    const group = alertmanagerGroup([{ ...alert, annotations } as typeof alert])
    const body = {
      ...group,
      groupKey: `{}:{alertname="${alert.labels.alertname}"}`,
      groupLabels: { alertname: alert.labels.alertname },
    }
    const response = await fetch(new URL(intakePath, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status, await response.text()).toBeLessThan(300)
  }

  /** The public page in its own tab, loaded once: what changes later must arrive live. */
  async function openStatusPage() {
    const publicTab = await context.newPage()
    await publicTab.goto(`${server.url}/p/acme-cloud/`)
    return publicTab
  }

  beforeAll(async () => {
    mkdirSync(screensDir, { recursive: true })
    const dataDir = join(mkdtempSync(join(tmpdir(), 'candor-room-')), 'data')
    ;[browser, server] = await Promise.all([
      launchChromium(),
      startServer({ env: { DATA_DIR: dataDir, CANDOR_ADMIN_EMAIL: ownerEmail } }),
    ])
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    tab = await context.newPage()
    tab.on('pageerror', (e) => console.error('page error:', e.message))
    const printed = /Sign in once with this link[^\n]*\n\s+(http\S+)/.exec(server.output())
    expect(printed, server.output()).not.toBeNull()
    const token = new URL(printed![1]!).searchParams.get('token')!
    await tab.goto(`${server.url}/auth/link?token=${encodeURIComponent(token)}`)
    await tab.getByRole('button', { name: 'Sign in' }).click()
    await heading(tab, 'Incidents')
      .waitFor()
      .catch(async (e) => {
        await shot(tab, 'debug-sign-in')
        throw e
      })
    const integration = await apiAs('POST', '/api/integrations', { name: 'Alertmanager', kind: 'alertmanager' })
    intakePath = new URL(integration.url).pathname
    pageId = (await apiAs('GET', '/api/pages'))[0].id
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.stop()
  })

  it(
    'takes a rule-opened incident to its first public acknowledgement in three actions, ' +
      'then an update and the all-clear, live on the status page',
    async () => {
      const rule = await apiAs('POST', '/api/routing-rules', {
        name: 'checkout',
        conditions: [{ field: 'labels.service', op: 'equals', value: 'checkout' }],
        actions: [{ type: 'open_incident', page_id: pageId }],
      })
      try {
        await acknowledgeRuleOpenedIncident()
      } finally {
        await apiAs('DELETE', `/api/routing-rules/${rule.id}`)
      }
    },
  )

  async function acknowledgeRuleOpenedIncident() {
    await tab.goto(`${server.url}/console/`)
    await heading(tab, 'Incidents').waitFor()
    const publicTab = await openStatusPage()

    await fireAlert('eu-1')
    const incidentLink = tab.getByRole('link', { name: 'Checkout errors on eu-1' })
    await incidentLink.waitFor(eventually)
    await shot(tab, '01-incident-list')

    const act = actionCounter()
    await act.click(incidentLink)
    await heading(tab, 'Checkout errors on eu-1').waitFor()
    const room = tab.locator('main')
    await expect.poll(() => room.innerText(), eventually).toContain('Is this a crisis?')
    await expect.poll(() => tab.locator('#incident-alerts').innerText(), eventually).toContain('Checkout errors')
    await shot(tab, '02-incident-room-triage')
    await expectNoSeriousA11yViolations(tab)

    await tab.getByLabel('Reason to declare before every criterion is met').fill('Checkout is failing in the EU.')
    await act.click(tab.getByRole('button', { name: 'Declare crisis' }))
    const composer = tab.getByRole('form', { name: 'Tell customers' })
    await composer.waitFor(eventually)
    expect(await composer.getByLabel('Message').inputValue()).toContain("We're aware of a problem")
    expect(await composer.getByLabel('Status page').isChecked()).toBe(true)
    await shot(tab, '03-composer-acknowledgement')
    await expectNoSeriousA11yViolations(tab)

    await act.click(composer.getByRole('button', { name: 'Publish acknowledgement' }))
    await expect.poll(() => tab.locator('#timeline').innerText(), eventually).toContain('Acknowledgement published')
    expect(act.count).toBeLessThanOrEqual(3)
    console.info(`first public acknowledgement of a rule-opened incident: ${act.count} actions`)

    // The status page, loaded before the incident was public, shows it without a reload and tells screen readers.
    await expect
      .poll(() => publicTab.locator('#active-incidents').innerText(), eventually)
      .toContain("We're aware of a problem")
    await expect.poll(() => publicTab.locator('#live-announcer').innerText(), eventually).not.toBe('')
    await shot(publicTab, '04-status-page-acknowledged')
    await expectNoSeriousA11yViolations(publicTab)

    // An update on the cadence, then the all-clear; the clock and the timeline follow.
    await expect.poll(() => tab.locator('#cadence').innerText(), eventually).toMatch(/Next update due in \d+/)
    await composer.getByLabel('Status', { exact: true }).selectOption('identified')
    await composer.getByLabel('Message').fill('We found a faulty deploy and are rolling it back.')
    await composer.getByRole('button', { name: 'Publish update' }).click()
    await expect
      .poll(() => publicTab.locator('#active-incidents').innerText(), eventually)
      .toContain('We found a faulty deploy')
    await shot(tab, '05-incident-room-update')

    await composer.getByLabel('Stage').selectOption('all_clear')
    await composer.getByRole('button', { name: 'Publish all-clear' }).click()
    await expect.poll(() => tab.locator('dl.facts').innerText(), eventually).toContain('Resolved')
    await expect
      .poll(() => publicTab.locator('#active-incidents').innerText(), eventually)
      .not.toContain('Checkout errors on eu-1')
    await shot(tab, '06-incident-room-resolved')
    await shot(publicTab, '07-status-page-resolved')
    await publicTab.close()
  }

  it('opens an incident from an alert with no rule and acknowledges it publicly in four actions', async () => {
    await tab.goto(`${server.url}/console/alerts`)
    await heading(tab, 'Alerts').waitFor()
    const publicTab = await openStatusPage()
    await fireAlert('us-2', { alertname: 'CheckoutLatency', service: 'payments' })
    const alertLink = tab.getByRole('link', { name: 'Checkout errors on us-2' })
    await alertLink.waitFor(eventually)
    await shot(tab, '08-alerts')

    const act = actionCounter()
    await act.click(alertLink)
    await heading(tab, 'Checkout errors on us-2').waitFor()
    await tab.getByRole('link', { name: /Runbook/ }).waitFor(eventually)
    expect(await tab.locator('main').innerText()).toContain('alertname')
    await shot(tab, '09-alert-detail')
    await expectNoSeriousA11yViolations(tab)

    await act.click(tab.getByRole('button', { name: 'Open incident' }))
    await heading(tab, 'Checkout errors on us-2').waitFor()
    await tab.getByRole('heading', { name: 'Is this a crisis?' }).waitFor(eventually)
    await tab.getByLabel('Reason to declare before every criterion is met').fill('Checkout is failing in the US.')
    await act.click(tab.getByRole('button', { name: 'Declare crisis' }))
    const composer = tab.getByRole('form', { name: 'Tell customers' })
    await composer.waitFor(eventually)
    await act.click(composer.getByRole('button', { name: 'Publish acknowledgement' }))
    await expect.poll(() => tab.locator('#timeline').innerText(), eventually).toContain('Acknowledgement published')
    expect(act.count).toBeLessThanOrEqual(4)
    console.info(`first public acknowledgement from the alert's "open incident": ${act.count} actions`)
    await expect
      .poll(() => publicTab.locator('#active-incidents').innerText(), eventually)
      .toContain("We're aware of a problem")
    await publicTab.close()

    // Another alert about the same problem: acknowledged, then added to the open incident.
    await fireAlert('us-3', { alertname: 'CheckoutTimeouts', service: 'payments' })
    await tab.getByRole('link', { name: 'Alerts' }).click()
    await tab.getByRole('link', { name: 'Checkout errors on us-3' }).click()
    await heading(tab, 'Checkout errors on us-3').waitFor()
    await tab.getByRole('button', { name: 'Acknowledge' }).click()
    await expect.poll(() => tab.locator('main .meta').innerText(), eventually).toContain('Acknowledged')
    const attach = tab.getByRole('form', { name: 'Add to an open incident' })
    await attach.getByLabel('Open incident').selectOption({ label: 'Checkout errors on us-2' })
    await attach.getByRole('button', { name: 'Add to incident' }).click()
    await expect
      .poll(() => tab.locator('main').innerText(), eventually)
      .toContain('On incident Checkout errors on us-2')
    await tab.getByRole('link', { name: 'Checkout errors on us-2' }).click()
    await expect
      .poll(() => tab.locator('#incident-alerts').innerText(), eventually)
      .toContain('Checkout errors on us-3')
  })

  it('shows a refusal beside the field it concerns, in the words of the form, and focuses it', async () => {
    const open = await apiAs('POST', '/api/incidents', {
      title: 'Search is slow',
      status: 'investigating',
      severity: 2,
      page_id: pageId,
      body: 'We are investigating slow searches.',
    })
    await tab.goto(`${server.url}/console/incidents/${open.id}`)
    const composer = tab.getByRole('form', { name: 'Tell customers' })
    await composer.waitFor(eventually)
    await composer.getByLabel('Message').fill('   ')
    await composer.getByRole('button', { name: /^Publish/ }).click()
    const message = composer.getByLabel('Message')
    await expect.poll(() => message.getAttribute('aria-invalid'), eventually).toBe('true')
    expect(await composer.locator('.field-error').first().innerText()).toMatch(/^⚠ Message: /)
    expect(await tab.evaluate('document.activeElement.name')).toBe('text')
    expect(await composer.innerText()).not.toMatch(/\btext\b:/)
    // Only the statuses the lifecycle allows next are offered.
    const options = await composer.getByLabel('Status', { exact: true }).locator('option').allInnerTexts()
    expect(options).not.toContain('Resolved')
    await shot(tab, '10-composer-refusal')
    await expectNoSeriousA11yViolations(tab)

    // The rest of the room: a role taken and checked in, a checklist answer, a playbook task, all on the timeline.
    await tab.getByRole('button', { name: 'Take role: Incident lead' }).click()
    await tab.getByRole('button', { name: 'Check in as Incident lead' }).click()
    await expect.poll(() => tab.locator('#roles').innerText(), eventually).toContain('checked in')
    const affected = tab.getByRole('form', { name: 'Who is affected?' })
    await affected.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => tab.locator('#checklist').innerText(), eventually).toContain('All customers')
    const task = tab.locator('#playbook input[type=checkbox]').first()
    await task.check()
    await expect
      .poll(() => tab.locator('#playbook').innerText(), eventually)
      .toMatch(/^Playbook[\s\S]*1 of \d+ tasks done/)
    // A change made elsewhere (here: the API) arrives without a reload.
    await apiAs('POST', `/api/incidents/${open.id}/notes`, { text: 'Search cluster is rebalancing.' })
    await expect
      .poll(() => tab.locator('#timeline').innerText(), eventually)
      .toContain('Search cluster is rebalancing.')
    await shot(tab, '11-incident-room-working')

    // On a phone, in the dark: one column, nothing wider than the screen, still readable.
    await tab.setViewportSize({ width: 390, height: 844 })
    await tab.emulateMedia({ colorScheme: 'dark' })
    const overflow = await tab.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
    await shot(tab, '12-incident-room-narrow-dark')
    expect(overflow).toBeLessThanOrEqual(0)
    await expectNoSeriousA11yViolations(tab)
    await tab.setViewportSize({ width: 1280, height: 900 })
    await tab.emulateMedia({ colorScheme: 'light' })
  })

  it('confirms the criteria one by one before declaring, and stands a false alarm down with a reason', async () => {
    const falseAlarm = await apiAs('POST', '/api/incidents', {
      title: 'Disk almost full',
      status: 'triage',
      severity: 1,
    })
    await tab.goto(`${server.url}/console/incidents/${falseAlarm.id}`)
    const triage = tab.getByRole('region', { name: 'Is this a crisis?' })
    await triage.waitFor(eventually)
    await triage.getByRole('button', { name: 'Stand down' }).click()
    const why = triage.getByLabel('Why stand down')
    await expect.poll(() => why.getAttribute('aria-invalid'), eventually).toBe('true')
    expect(await tab.evaluate('document.activeElement.name')).toBe('reason')
    await why.fill('The disk alarm was a test of the monitoring.')
    await triage.getByRole('button', { name: 'Stand down' }).click()
    await expect.poll(() => tab.locator('dl.facts').innerText(), eventually).toContain('Stood down')

    const crisis = await apiAs('POST', '/api/incidents', { title: 'Logins failing', status: 'triage', severity: 4 })
    await tab.goto(`${server.url}/console/incidents/${crisis.id}`)
    await triage.waitFor(eventually)
    const met = triage.getByRole('button', { name: 'Met', exact: true })
    for (let i = 0; i < (await met.count()); i++) {
      await met.nth(i).click()
      await expect.poll(() => met.nth(i).getAttribute('aria-pressed'), eventually).toBe('true')
    }
    // Every criterion met: no reason asked for, the declaration goes straight through.
    await expect.poll(() => triage.getByLabel(/Reason to declare/).count(), eventually).toBe(0)
    await triage.getByRole('button', { name: 'Declare crisis' }).click()
    await tab.getByRole('form', { name: 'Tell customers' }).waitFor(eventually)
    await expect.poll(() => tab.locator('#timeline').innerText(), eventually).toContain('Status Triage → Declared')
  })
})

import { describe, expect, it } from 'vitest'
import { sampleView } from '../sample-view.js'
import type { StatusPageView } from '../view-model.js'
import { renderContext } from './context.js'
import { renderHomePage } from './home-page.js'

const home = (view: StatusPageView, mode: 'server' | 'static' = 'server') =>
  renderHomePage(renderContext(view, mode, '/'))
const region = (page: string, id: string) => {
  const start = page.indexOf(`id="${id}"`)
  expect(start, `region ${id}`).toBeGreaterThan(-1)
  return page.slice(start, page.indexOf('data-live', start) + 2000)
}

describe('the home page', () => {
  const page = home(sampleView())

  it('says the overall state in words in the banner', () => {
    expect(region(page, 'status-banner')).toContain('<div class="banner ind-major" role="status">')
    expect(region(page, 'status-banner')).toContain('Partial system outage')
  })

  it('shows every component with an icon and its status as text, never colour alone', () => {
    const api = page.slice(page.indexOf('id="component-b13yz5g2cw10"'))
    expect(api).toMatch(
      new RegExp(
        /<span class="name">API<\/span><span class="status st-partial_outage">/.source +
          /<svg class="icon"[^>]*><use href="#i-partial"\/><\/svg><span>Partial outage<\/span>/.source,
      ),
    )
    expect(page).toContain('<span class="name">Dashboard</span><span class="status st-operational">')
  })

  it('puts grouped components in a disclosure that is open when the group is degraded', () => {
    expect(page).toContain('<details id="group-gr0upc0re001" open>')
    const calm = sampleView()
    calm.components[0]!.status = 'operational'
    expect(home(calm)).toContain('<details id="group-gr0upc0re001">')
  })

  it('hides a component that only shows when degraded while it is operational', () => {
    const view = sampleView()
    view.components[1]!.onlyShowIfDegraded = true
    expect(home(view)).not.toContain('id="component-dash00000001"')
    view.components[1]!.status = 'degraded_performance'
    expect(home(view)).toContain('id="component-dash00000001"')
  })

  it('lists active incidents with all updates newest first, each with a status label and a UTC <time>', () => {
    const incidents = region(page, 'active-incidents')
    const identified = incidents.indexOf(
      'Identified</strong> <time datetime="2026-11-20T09:41:12.004Z">Nov 20, 2026, 9:41 AM UTC</time>',
    )
    const investigating = incidents.indexOf('Investigating</strong> <time datetime="2026-11-20T09:18:00.000Z">')
    expect(identified).toBeGreaterThan(-1)
    expect(investigating).toBeGreaterThan(identified)
    expect(incidents).not.toContain('Login delays')
  })

  it('puts the technical detail for IT teams in a closed disclosure', () => {
    expect(page).toContain(
      '<details class="tech" id="tech-h0z6qg3p7yb1"><summary>Details for IT ' +
        'teams</summary><div class="tech-body"><p>Config push <code>cfg-2291</code>',
    )
  })

  it('shows upcoming maintenance with its window', () => {
    const maintenance = region(page, 'maintenances')
    expect(maintenance).toContain('Scheduled maintenance')
    expect(maintenance).toContain('Scheduled for <time datetime="2026-11-28T02:00:00.000Z">')
  })

  it('draws 90 uptime bars and says the same in text for screen readers', () => {
    const api = page.slice(page.indexOf('id="component-b13yz5g2cw10"'), page.indexOf('id="component-dash00000001"'))
    expect(api.match(/<li class="bar /g)).toHaveLength(90)
    expect(api).toContain('<ol class="bars" aria-hidden="true">')
    expect(api).toContain('title="Oct 2, 2026: Major outage, 90 minutes"')
    expect(api).toMatch(
      new RegExp(
        /<div class="visually-hidden"><p>API: Uptime over the last 90 days: 99\.\d\d%\.<\/p>/.source +
          /<p>Days with issues:<\/p><ul><li>Oct 2, 2026: Major outage, 90 minutes<\/li>/.source,
      ),
    )
  })

  it('has landmarks, a skip link, a heading, the last-updated time and links to history and feeds', () => {
    for (const part of [
      '<header class="site-header">',
      '<main id="main"',
      '<footer class="site-footer" id="subscribe">',
      '<a class="skip" href="#main">',
      '<h1 class="visually-hidden">Acme Cloud status</h1>',
    ]) {
      expect(page).toContain(part)
    }
    expect(page).toContain(
      '<p id="last-updated" class="last-updated" data-live>Last updated <time datetime="2026-11-20T09:41:12.004Z">',
    )
    expect(page).toContain('<a href="history">View incident history</a>')
    expect(page).toContain('<a href="history.atom">Atom feed</a>')
    expect(page).toContain('<a class="button" href="subscribe">Subscribe to updates</a>')
    expect(home(sampleView(), 'static')).toContain('<a class="button" href="#subscribe">Subscribe to updates</a>')
  })

  it('listens for live changes only when served, and never refreshes itself with a meta tag', () => {
    expect(page).toContain('<body data-live="api/live">')
    expect(page).toContain('<script src="assets/status.js" defer></script>')
    expect(page).not.toMatch(/http-equiv=["']?refresh/i)
    expect(home(sampleView(), 'static')).toContain('<body>')
  })

  it('speaks the page’s locale', () => {
    const de = home(sampleView('de'))
    expect(de).toContain('<html lang="de">')
    expect(de).toContain('Teilweiser Systemausfall')
    expect(de).toContain('Details für IT-Teams')
    expect(home(sampleView('zh-Hant'))).toContain('系統部分中斷')
  })

  it('uses the subscribe address and logo from the branding, and drops unsafe ones', () => {
    const view = sampleView()
    view.page.branding = {
      logoUrl: 'https://acme.example/logo.svg',
      brandColor: null,
      supportUrl: 'javascript:alert(1)',
      subscribeUrl: '/subscribe',
    }
    const branded = home(view)
    expect(branded).toContain('<img src="https://acme.example/logo.svg" alt="Acme Cloud logo" height="32">')
    expect(branded).toContain('<a class="button" href="/subscribe">')
    expect(branded).not.toContain('javascript:')
  })
})

import { computeUptime } from '../domain/component/uptime.js'
import type { SupportedLocale } from '../domain/locales.js'
import { indicatorOf, type StatusPageView } from './view-model.js'

const at = (iso: string) => new Date(iso)

/**
 * The page described by ../shared/fixtures/statuspage-v2-summary.json, as a view: the
 * Statuspage renderer must turn exactly this into exactly that. Tests, demos and the
 * benchmark start from it.
 */
export function fixtureView(): StatusPageView {
  const view: StatusPageView = {
    page: {
      id: 'kctbh9vrtdwd',
      slug: 'acme',
      name: 'Acme Cloud',
      url: 'https://status.acme.example',
      locale: 'en',
      timeZone: 'Etc/UTC',
      updatedAt: at('2026-11-20T09:41:12.004Z'),
      branding: {
        logoUrl: null,
        brandColor: '#5b3cc4',
        supportUrl: 'https://acme.example/support',
        subscribeUrl: null,
      },
      hostnames: ['status.acme.example'],
    },
    groups: [
      {
        id: 'gr0upc0re001',
        name: 'Core platform',
        description: null,
        position: 1,
        createdAt: at('2025-03-01T10:00:00.000Z'),
        updatedAt: at('2026-11-20T09:20:31.201Z'),
      },
    ],
    components: [
      {
        id: 'b13yz5g2cw10',
        name: 'API',
        description: 'Public REST API',
        position: 1,
        status: 'partial_outage',
        groupId: 'gr0upc0re001',
        onlyShowIfDegraded: false,
        showcase: true,
        startDate: '2025-03-01',
        createdAt: at('2025-03-01T10:00:00.000Z'),
        updatedAt: at('2026-11-20T09:20:31.201Z'),
        uptime: null,
      },
    ],
    incidents: [
      {
        id: 'p31zjtct2jer',
        name: 'Elevated API error rates in EU',
        status: 'identified',
        impact: 'major',
        createdAt: at('2026-11-20T09:18:00.000Z'),
        updatedAt: at('2026-11-20T09:41:12.004Z'),
        startedAt: at('2026-11-20T09:14:00.000Z'),
        monitoringAt: null,
        resolvedAt: null,
        componentIds: ['b13yz5g2cw10'],
        facts: {
          whoIsAffected: null,
          expectedDuration: null,
          workaround: null,
          contact: null,
          responseTimeMinutes: null,
          provider: null,
        },
        postmortem: null,
        updates: [
          {
            id: 'x8d1k2m9s0a4',
            status: 'investigating',
            bodyText: 'We are investigating elevated error rates on the API for customers in the EU.',
            bodyHtml: '<p>We are investigating elevated error rates on the API for customers in the EU.</p>',
            technicalHtml: null,
            technicalText: null,
            affectedComponents: [
              { id: 'b13yz5g2cw10', name: 'API', oldStatus: 'operational', newStatus: 'major_outage' },
            ],
            deliverNotifications: true,
            displayAt: at('2026-11-20T09:18:00.000Z'),
            createdAt: at('2026-11-20T09:18:00.000Z'),
            updatedAt: at('2026-11-20T09:18:00.000Z'),
          },
          {
            id: 'h0z6qg3p7yb1',
            status: 'identified',
            bodyText: 'We have identified a faulty configuration change and are rolling it back.',
            bodyHtml: '<p>We have identified a faulty configuration change and are rolling it back.</p>',
            technicalHtml: '<p>Config push <code>cfg-2291</code> set the EU pool size to 0; rollback in progress.</p>',
            technicalText: 'Config push cfg-2291 set the EU pool size to 0; rollback in progress.',
            affectedComponents: [
              { id: 'b13yz5g2cw10', name: 'API', oldStatus: 'major_outage', newStatus: 'partial_outage' },
            ],
            deliverNotifications: true,
            displayAt: at('2026-11-20T09:41:12.004Z'),
            createdAt: at('2026-11-20T09:41:12.004Z'),
            updatedAt: at('2026-11-20T09:41:12.004Z'),
          },
        ],
      },
    ],
    maintenances: [
      {
        id: 'w7n5b3v1c9x2',
        name: 'Database maintenance',
        status: 'scheduled',
        scheduledFor: at('2026-11-28T02:00:00.000Z'),
        scheduledUntil: at('2026-11-28T04:00:00.000Z'),
        startedAt: null,
        completedAt: null,
        createdAt: at('2026-11-18T12:00:00.000Z'),
        updatedAt: at('2026-11-18T12:00:00.000Z'),
        componentIds: [],
        updates: [
          {
            id: 'q2w3e4r5t6y7',
            status: 'scheduled',
            bodyText: 'We will upgrade the primary database. Brief read-only periods are expected.',
            bodyHtml: '<p>We will upgrade the primary database. Brief read-only periods are expected.</p>',
            displayAt: at('2026-11-18T12:00:00.000Z'),
            createdAt: at('2026-11-18T12:00:00.000Z'),
            updatedAt: at('2026-11-18T12:00:00.000Z'),
          },
        ],
      },
    ],
    indicator: 'major',
    generatedAt: at('2026-11-20T09:41:12.004Z'),
  }
  return view
}

/**
 * The fixture page plus what a real page has: an ungrouped component, uptime history, a resolved incident, a locale.
 */
export function sampleView(locale: SupportedLocale = 'en'): StatusPageView {
  const view = fixtureView()
  const now = view.generatedAt
  view.page.locale = locale
  const api = view.components[0]!
  api.uptime = computeUptime({
    now,
    initialStatus: 'operational',
    changes: [
      { at: at('2026-10-02T08:00:00Z'), status: 'major_outage' },
      { at: at('2026-10-02T09:30:00Z'), status: 'operational' },
      { at: at('2026-11-20T09:18:00Z'), status: 'major_outage' },
      { at: at('2026-11-20T09:20:31Z'), status: 'partial_outage' },
    ],
    incidents: [],
  })
  view.components.push({
    ...api,
    id: 'dash00000001',
    name: 'Dashboard',
    description: null,
    position: 2,
    status: 'operational',
    groupId: null,
    uptime: computeUptime({ now, initialStatus: 'operational', changes: [], incidents: [] }),
  })
  view.incidents.push({
    id: 'old0incident',
    name: 'Login delays',
    status: 'resolved',
    impact: 'minor',
    createdAt: at('2026-10-02T08:05:00Z'),
    updatedAt: at('2026-10-02T09:30:00Z'),
    startedAt: at('2026-10-02T08:00:00Z'),
    monitoringAt: at('2026-10-02T09:00:00Z'),
    resolvedAt: at('2026-10-02T09:30:00Z'),
    componentIds: ['dash00000001'],
    facts: {
      whoIsAffected: null,
      expectedDuration: null,
      workaround: null,
      contact: null,
      responseTimeMinutes: null,
      provider: null,
    },
    postmortem: null,
    updates: [
      {
        id: 'old0update01',
        status: 'resolved',
        bodyText: 'Logins are back to normal.',
        bodyHtml: '<p>Logins are back to normal.</p>',
        technicalHtml: null,
        technicalText: null,
        affectedComponents: [],
        deliverNotifications: true,
        displayAt: at('2026-10-02T09:30:00Z'),
        createdAt: at('2026-10-02T09:30:00Z'),
        updatedAt: at('2026-10-02T09:30:00Z'),
      },
    ],
  })
  view.indicator = indicatorOf(view)
  return view
}

import { describe, expect, it } from 'vitest'
import { sampleView } from '../sample-view.js'
import type { IncidentView, StatusPageView } from '../view-model.js'
import { renderContext } from './context.js'
import { historyPageCount, renderHistoryPage } from './history-page.js'
import { renderIncidentPage } from './incident-page.js'
import { historyPath, incidentPath } from './links.js'

const historyPage = (view: StatusPageView, n: number, mode: 'server' | 'static' = 'server') =>
  renderHistoryPage(renderContext(view, mode, historyPath(mode, n)), n)

function withOldIncident(view: StatusPageView, iso: string, id: string): StatusPageView {
  const template = view.incidents[1]!
  const startedAt = new Date(iso)
  const old: IncidentView = {
    ...template,
    id,
    name: `Incident ${id}`,
    startedAt,
    createdAt: startedAt,
    updatedAt: startedAt,
    resolvedAt: startedAt,
  }
  view.incidents.push(old)
  return view
}

describe('the history pages', () => {
  it('group incidents by UTC month, newest first, three months a page, with empty months said so', () => {
    const page = historyPage(sampleView(), 1)
    const months = [...page.matchAll(/<h2 id="month-(\d{4}-\d\d)">([^<]+)<\/h2>/g)].map((m) => `${m[1]} ${m[2]}`)
    expect(months).toEqual(['2026-11 November 2026', '2026-10 October 2026', '2026-09 September 2026'])
    expect(page).toContain('<a href="incidents/p31zjtct2jer">Elevated API error rates in EU</a>')
    expect(page).toContain('<a href="incidents/old0incident">Login delays</a>')
    expect(page).toContain('No incidents reported this month.')
  })

  it('paginate back to the oldest incident with newer/older links', () => {
    const view = withOldIncident(sampleView(), '2026-03-15T10:00:00Z', 'march0000001')
    expect(historyPageCount(view)).toBe(3)
    const second = historyPage(view, 2)
    expect(second).toContain('<a rel="prev" href="history">Newer</a>')
    expect(second).toContain('<a rel="next" href="history?page=3">Older</a>')
    expect(second).toContain('Page 2 of 3')
    const third = historyPage(view, 3)
    expect(third).toContain('Incident march0000001')
    expect(third).not.toContain('rel="next"')
  })

  it('link with folders in a static export, relative to where the page sits', () => {
    const view = withOldIncident(sampleView(), '2026-03-15T10:00:00Z', 'march0000001')
    const second = historyPage(view, 2, 'static')
    expect(second).toContain('<a rel="prev" href="../../../history/">Newer</a>')
    expect(second).toContain('<a rel="next" href="../../../history/page/3/">Older</a>')
    expect(second).toContain('<link rel="stylesheet" href="../../../assets/status.css">')
  })
})

describe('the incident page', () => {
  it('shows one incident with every update, its times and a resolved notice once resolved', () => {
    const view = sampleView()
    const path = incidentPath('server', 'old0incident')
    const page = renderIncidentPage(renderContext(view, 'server', path), { incident: view.incidents[1]! })
    expect(page).toContain('<h1 id="incident-title">Login delays</h1>')
    expect(page).toContain('This incident has been resolved.')
    expect(page).toContain('Resolved <time datetime="2026-10-02T09:30:00.000Z">')
    expect(page).toContain('<p class="back"><a href="../">Back to current status</a></p>')
    expect(page).toContain('<link rel="stylesheet" href="../assets/status.css">')
    expect(page).toContain('<body data-live="../api/live">')
  })

  it('serves maintenances at the same address, with their window', () => {
    const view = sampleView()
    const page = renderIncidentPage(renderContext(view, 'server', incidentPath('server', 'w7n5b3v1c9x2')), {
      maintenance: view.maintenances[0]!,
    })
    expect(page).toContain('<h1 id="incident-title">Database maintenance</h1>')
    expect(page).toContain('Scheduled for <time datetime="2026-11-28T02:00:00.000Z">')
  })
})

import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../text/render-markdown.js'
import { sampleView } from '../sample-view.js'
import { renderContext } from './context.js'
import { renderHistoryPage } from './history-page.js'
import { renderIncidentPage } from './incident-page.js'
import { historyPath, incidentPath } from './links.js'

function withPostmortem(locale: 'en' | 'de' = 'en') {
  const view = sampleView()
  view.page.locale = locale
  const incident = view.incidents.find((i) => i.id === 'old0incident')!
  const publishedAt = new Date('2026-10-05T10:00:00Z')
  incident.status = 'postmortem'
  incident.postmortem = {
    sections: [
      { key: 'scope', html: renderMarkdown('Logins, for everyone.'), text: 'Logins, for everyone.' },
      { key: 'root_cause', html: renderMarkdown('A **slow** query <script>alert(1)</script>'), text: 'A slow query' },
    ],
    publishedAt,
    updatedAt: publishedAt,
  }
  return { view, incident }
}

describe('the published postmortem on the status page', () => {
  it("shows on the incident's page above the updates, a heading per written section, sanitised", () => {
    const { view, incident } = withPostmortem()
    const page = renderIncidentPage(renderContext(view, 'server', incidentPath('server', incident.id)), { incident })
    expect(page).toContain('<section class="postmortem" id="postmortem" aria-labelledby="postmortem-title">')
    expect(page).toContain('<h3>Scope</h3>')
    expect(page).toContain('<h3>Root cause</h3>')
    expect(page).not.toContain('<h3>Resolution</h3>')
    expect(page).toContain('<strong>slow</strong>')
    expect(page).not.toContain('<script>alert')
    expect(page.indexOf('id="postmortem"')).toBeLessThan(page.indexOf('<h2>Updates</h2>'))
  })

  it('speaks the page language and is linked from the history', () => {
    const { view, incident } = withPostmortem('de')
    const page = renderIncidentPage(renderContext(view, 'server', incidentPath('server', incident.id)), { incident })
    expect(page).toContain('<h3>Ursache</h3>')
    const history = renderHistoryPage(renderContext(view, 'server', historyPath('server', 1)), 1)
    expect(history).toContain('#postmortem">Nachbetrachtung lesen</a>')
  })
})

import { describe, expect, it } from 'vitest'
import { teamNoticeFromTemplate } from './team-notice-message.js'

const content = { incidentTitle: 'Card payments fail', text: 'Customers were told.', isDrill: false, stage: 'update' }
const links = { incidentUrl: 'https://candor.example/console/incidents/1' }

describe("the team's notice of a stage message", () => {
  it("uses the organisation's internal email template of that stage", () => {
    const own = { stage: 'update', channel: 'email', audience: 'internal', locale: 'en' } as const
    const notice = teamNoticeFromTemplate(content, links, [
      { ...own, subject: 'Team: {{ incident_title }}', body: 'FYI {{ message }}', short: null },
    ])
    expect(notice?.subject).toBe('Team: Card payments fail')
    expect(notice?.text).toContain('FYI Customers were told.\n\nOpen the incident: https://candor.example/')
  })

  it('leaves our plain notice when the organisation has no such template', () => {
    expect(teamNoticeFromTemplate(content, links, [])).toBeNull()
    expect(teamNoticeFromTemplate({ ...content, stage: 'unknown' }, links, [])).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { noticeSubject, noticeText } from './notice-message.js'

const base = { incidentTitle: 'Checkout errors', text: 'Triage must be decided by 10:15.', isDrill: false }

describe('notice messages', () => {
  it('say in words why a person is told, never the raw reason code', () => {
    expect(noticeSubject('role_notice', { ...base, reason: 'cadence_reminder', role: 'communications_lead' })).toBe(
      'Next update due soon: Checkout errors',
    )
    expect(noticeSubject('role_notice', { ...base, reason: 'role_assigned', role: 'incident_lead' })).toBe(
      'You are Incident lead: Checkout errors',
    )
    expect(noticeSubject('stakeholder_notice', { ...base, event: 'stood_down' })).toBe(
      'False alarm, stood down: Checkout errors',
    )
    expect(noticeSubject('team_notice', { ...base, stage: 'stand_down', isDrill: true })).toBe(
      '[DRILL] Stand-down to the team: Checkout errors',
    )
  })

  it('keep a title with line breaks on one header line', () => {
    expect(noticeSubject('team_notice', { ...base, incidentTitle: 'a\r\nBcc: x@y', stage: 'update' })).toBe(
      'Update to the team: a Bcc: x@y',
    )
  })

  it('link to the incident, and to check in when the notice gives a role', () => {
    const text = noticeText(
      { ...base, role: 'incident_lead' },
      { incidentUrl: 'https://candor.test/console/incidents/1', checkInUrl: 'https://candor.test/oncall/check-in?t=x' },
    )
    expect(text).toContain('Open the incident: https://candor.test/console/incidents/1')
    expect(text).toContain('Check in as Incident lead (one click, works once, expires in 24 hours)')
  })
})
